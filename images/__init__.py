"""The image library: every picture once, with its alt text, credit and focal point.

Readers get renditions (images.renditions), never the original upload; originals are
stripped of metadata on upload (images.originals) and kept where no public address reaches
them (images.storage). Uploads are checked before Pillow decodes them (images.validation).
Articles point at library images (Article.lead_image) and embed their renditions in bodies
through the admin's picker (ImageAdmin.picker_view).
"""

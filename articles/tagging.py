"""Every tag keeps an address: taggit slugifies a name such as "!!!" to an empty slug,
which no URL can carry (the article page linking to it would fail)."""

SLUGLESS_TAG_BASE = "tag"


def give_tag_a_slug(sender, instance, **kwargs):
    """pre_save for taggit's Tag: an empty slug becomes "tag", "tag-2", … whichever is free."""
    if instance.slug:
        return
    candidate, n = SLUGLESS_TAG_BASE, 1
    while sender._default_manager.filter(slug=candidate).exclude(pk=instance.pk).exists():
        n += 1
        candidate = f"{SLUGLESS_TAG_BASE}-{n}"
    instance.slug = candidate

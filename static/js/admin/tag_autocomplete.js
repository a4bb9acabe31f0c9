'use strict';
// Tag picker for the article admin: existing tags as suggestions, new ones typed freely.
{
    const $ = django.jQuery;

    function init(element) {
        $(element).select2({
            tags: true,
            tokenSeparators: [','],
            width: '100%',
            ajax: {
                url: element.dataset.autocompleteUrl,
                dataType: 'json',
                delay: 250,
                data: (params) => ({term: params.term || '', page: params.page || 1}),
            },
            createTag: (params) => {
                const term = $.trim(params.term);
                return term ? {id: term, text: term, isNew: true} : null;
            },
            // An exact match among the suggestions wins; the "new tag" choice comes last.
            insertTag: (data, tag) => {
                const same = (item) => item.text.toLowerCase() === tag.text.toLowerCase();
                if (!data.some(same)) {
                    data.push(tag);
                }
            },
            templateResult: (item) => item.isNew ? `${item.text} (new tag)` : item.text,
        });
    }

    $(function() {
        $('.admin-tag-autocomplete').each((index, element) => init(element));
    });
}

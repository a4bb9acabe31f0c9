"""Generated demo stories, written as readable English, in the same shape as SEED_STORIES."""

GENERATED_STORIES: list[dict] = []

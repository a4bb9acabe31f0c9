"""Generated demo stories, written as readable English, in the same shape as SEED_STORIES.

Each module holds the stories of a few sections; GENERATED_STORIES is what load_demo reads.
"""

from . import culture, economy, series, world

GENERATED_STORIES: list[dict] = [
    *world.STORIES,
    *economy.STORIES,
    *culture.STORIES,
    *series.STORIES,
]

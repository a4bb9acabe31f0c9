"""Generated demo stories, written as readable English, in the same shape as SEED_STORIES.

Each module holds the stories of a few sections; GENERATED_STORIES is what load_demo reads.
"""

from . import stories_culture, stories_economy, stories_series, stories_world

GENERATED_STORIES: list[dict] = [
    *stories_world.STORIES,
    *stories_economy.STORIES,
    *stories_culture.STORIES,
    *stories_series.STORIES,
]

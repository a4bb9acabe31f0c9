"""The two stories of the reference page, with their real texts, and the site's structure."""

from typing import Any

SECTIONS = [
    (
        "World",
        "world",
        "News from every continent, translated from the press that covers it first.",
    ),
    ("Geopolitics", "geopolitics", "Power, borders and diplomacy, as seen from other capitals."),
    ("Economy", "economy", "Markets, work and money, reported by the world's business press."),
    ("Society", "society", "How people live, argue and change, from city streets to villages."),
    ("Culture", "culture", "Books, film, music and ideas from beyond the English-speaking world."),
    ("Green", "green", "Climate, energy and the natural world, reported close to the ground."),
    ("Tech / Science", "tech-science", "Research, inventions and the companies that sell them."),
    ("Food / Travel", "food-travel", "What the world eats, where it goes, and who serves it."),
    ("In The News", "in-the-news", "The daily newsletter's editions, published on the site."),
]

SOURCES = [
    # name, slug, country (ISO 3166-1), language (ISO 639-1), homepage
    ("Le Monde", "le-monde", "FR", "fr", "https://www.lemonde.fr"),
    ("Il Post", "il-post", "IT", "it", "https://www.ilpost.it"),
    ("Die Welt", "die-welt", "DE", "de", "https://www.welt.de"),
    ("El País", "el-pais", "ES", "es", "https://elpais.com"),
    (
        "Folha de S.Paulo",
        "folha-de-s-paulo",
        "BR",
        "pt",
        "https://www.folha.uol.com.br",
    ),
    ("Gazeta Wyborcza", "gazeta-wyborcza", "PL", "pl", "https://wyborcza.pl"),
    ("Asahi Shimbun", "asahi-shimbun", "JP", "ja", "https://www.asahi.com"),
    ("Caixin", "caixin", "CN", "zh", "https://www.caixin.com"),
    ("Clarín", "clarin", "AR", "es", "https://www.clarin.com"),
    ("Le Temps", "le-temps", "CH", "fr", "https://www.letemps.ch"),
    ("Kyiv Post", "kyiv-post", "UA", "uk", "https://www.kyivpost.com"),
    ("Mail & Guardian", "mail-guardian", "ZA", "en", "https://mg.co.za"),
    # Sources the desk is still negotiating with, or no longer translates: no stories yet.
    ("Chosun Ilbo", "chosun-ilbo", "KR", "ko", "https://www.chosun.com"),
    ("Hürriyet", "hurriyet", "TR", "tr", "https://www.hurriyet.com.tr"),
    ("Aftenposten", "aftenposten", "NO", "no", "https://www.aftenposten.no"),
    ("Dawn", "dawn", "PK", "en", "https://www.dawn.com"),
]

# Each source's agreement (articles.SourcePermission), by slug. Every source with demo
# stories holds a granted permission covering them; the last four show the other statuses.
# Dates are days from today (negative: in the past).
PERMISSIONS: dict[str, dict[str, Any]] = {
    "le-monde": {"status": "granted", "starts": -400, "ends": 330, "contact": "Claire Dubois"},
    "il-post": {"status": "granted", "starts": -200},
    "die-welt": {"status": "granted", "starts": -300, "excludes_wire_copy": True},
    "el-pais": {"status": "granted", "starts": -500, "ends": 200},
    "folha-de-s-paulo": {"status": "granted", "starts": -250, "excludes_photos": True},
    "gazeta-wyborcza": {"status": "granted", "starts": -120},
    "asahi-shimbun": {"status": "granted", "starts": -90, "excludes_wire_copy": True},
    "caixin": {"status": "granted", "starts": -60, "excludes_photos": True},
    "clarin": {"status": "granted", "starts": -365},
    "le-temps": {"status": "granted", "starts": -180},
    "kyiv-post": {"status": "granted", "starts": -700},
    "mail-guardian": {"status": "granted", "starts": -30},
    "chosun-ilbo": {
        "status": "requested",
        "contact": "Park Ji-won",
        "notes": "Asked on the 3rd; their legal team is reviewing the draft agreement.",
    },
    "hurriyet": {
        "status": "expired",
        "starts": -730,
        "ends": -20,
        "notes": "The two-year agreement ran out; renewal talks have not started.",
    },
    "aftenposten": {
        "status": "refused",
        "scope": "headlines",
        "notes": "They license translations to one English partner only.",
    },
    "dawn": {"status": "none"},
}

SERIES = [
    (
        "Eyes on U.S.",
        "eyes-on-us",
        "eyes on the U.S.",
        "Each week, how the international press sees the United States.",
    ),
    (
        "Worldcrunch Today",
        "worldcrunch-today",
        "worldcrunch today",
        "A quick tour of the day's news from the world's best sources, whatever their language.",
    ),
]

NORTH_KOREA_BODY = """
<p>In their pink and blue joseon-ots (traditional clothes), the North Korean waitresses of the New Sun Island Restaurant in Dandong, the large Chinese border city with North Korea, casually take orders in between tasks.</p>
<p>There are dozens of girls working in this establishment, situated on the promenade along the Yalu River. The area feeds a flow of foreign exchange that recent UN sanctions are now trying to tackle with rules that bar member states from issuing permits to new workers without special authorization, and from renewing those that already exist.</p>
<p>For now, the new rules seem to be of little concern to the people working in these restaurants in almost every city in northeast China. "We're not working, we're studying Chinese. It's like an exchange program," one of these waitresses in Dandong insists. Clearly, she's dealt with this question before.</p>
<p>The woman goes by the Chinese name Feng and has been in Dandong for seven months. She comes from Pyongyang, where she was studying at university. Like her friends, she says she's teaching herself Chinese by speaking with clients, or by reading a textbook when business is slow.</p>
<p>There are thousands of young women working like this in China, in restaurants like Sun Island, sometimes owned by Chinese people. The establishments don't pay the workers directly. Instead, they pay a North Korean trading company. Others are managed directly by North Korean state groups, such as the restaurant chain Pyongyang.</p>
<p>In the Pyongyang restaurant in Shenyang, a northeastern Chinese megalopolis, young women serve meals and give musical performances for customers, before cleaning up. "We're not making money. We're working for our country so that everything is free at home — health care, education," one of the workers explains.</p>
<p>In the main room of the restaurant, now empty of clients, the television shows Kim Jong-un in a stadium, assailed by crying fifty-somethings. Then a news announcer begins a warlike speech. One of the waitresses clicks the TV remote, and the screen suddenly displays noisy car commercials. "We aren't allowed to put on Chinese television in the restaurant," the young woman says with an embarrassed smile.</p>
<h2>Roaming source of revenue</h2>
<p>Between 20,000 and 30,000 North Koreans work in China in restaurants, but also in textile or electronics factories. They're supervised and only go out in groups. Their families are, in general, members of the army or the administration. In April 2016, the entire North Korean staff — 30 people — in a restaurant in Ningbo, China, crossed into a third country before requesting asylum in South Korea, one of the rare documented cases of collective defection.</p>
<p>The income from the labor of some 90,000 North Koreans working abroad generates, according to estimates from the South Korean researcher Go Myong-hyun of the Asan Institute for Policy Studies, between $100-200 million (about 170 million euros) in revenue per year for the North Korean regime. Not all of those workers go to China. U.S. Secretary of State Rex Tillerson accused Russia in June of contributing to forced labor by authorizing a workforce for which employers directly pay North Korean entities linked to the regime.</p>
<p>The recruitment of North Koreans is important in northeastern Chinese provinces, bordering North Korea, that lack cheap labor. Several years ago, as Beijing stepped up its economic partnership programs with Pyongyang, these provinces launched a campaign to actively recruit a large number of North Koreans. But the mixed economic zones that China proposed to North Korea were halted after the execution, in late 2013, of Jang Song-thaek, an uncle of North Korea's young leader. Jang Song-thaek made the mistake, it appears, of being just a little too pro-Beijing.</p>
<p>"Since China is heavily populated, it limits its unqualified foreign labor force. But private North Korean businesses have long managed to recruit North Koreans, unbeknownst to the central government, because the costs of doing so are so low," explains researcher Lu Chao, a specialist on the Korean peninsula at the Liaoning Academy of Social Sciences, in Shenyang. "Certain businesses have no doubt continued this practice under various pretexts."</p>
<p>The sanctions run the risk, however, of limiting the number of qualified workers. In Dandong, a gallery that specializes in North Korean paintings is already feeling the effects. The DPRK Art Gallery displays paintings done by North Korean artists-in-residence: bucolic countrysides, waves crashing on rocks, young women posed in front of a piano. The price? Between 2,000 and 5,000 euros ($2,350-5,877), depending on the painter's "status."</p>
<p>The gallery employed eight painters for months-long stays, then six, and finally only two. "These will be the last," says Meng Chenxu, the young curator. "Even before they weren't that motivated to come here because the money from their sales goes to their government." From here on out, the gallery will send them brushes, paints and canvases. And will then resell their paintings. Without fear of being affected by the sanctions.</p>
"""

CALIFORNIA_BODY = """
<p>For as long as we can remember, the world has seen California as the embodiment of the American Dream.</p>
<p>Today, this dream may be fading — and the world is taking notice.</p>
<p>A peek at the Italian list of non-fiction best-sellers in 2022 includes <em>California</em> by Francesco Costa, a book that looks to explain why 340,000 people moved out of the state last year, causing a drop in its population for the first time ever.</p>
<p>Why are all these people leaving a state that on paper looks like the best place in the world to live? Why are stickers with the phrase “Don't California my Texas” attached to the back of so many pick-up trucks?</p>
<h2>Housing, taxes and a long commute</h2>
<p>Costa's answer, laid out over some 200 pages, is less about earthquakes and wildfires than about rent. In the Bay Area, a teacher or a nurse can spend more than half of a monthly salary on a one-bedroom apartment, and the commute from somewhere cheaper now routinely runs to two hours each way.</p>
<p>The Italian journalist, who has spent years explaining American politics to readers back home, describes a state whose progressive promises have collided with its own zoning rules: cities that vote for generous public services and then block the apartment buildings that would let working families stay.</p>
<h2>Layoffs in the valley</h2>
<p>The foreign press has found a second reason to worry. In Germany, <em>Die Welt</em> counted the job cuts announced in a few months by the largest technology companies and found numbers not seen since the dot-com crash. Spain's <em>El País</em> followed engineers who moved to Austin and Miami after their teams were disbanded, keeping their Californian salaries for as long as they could.</p>
<p>For readers abroad, the lesson is not only American. Silicon Valley has long sold the rest of the world its tools and its idea of the future; if the place that invented them cannot house its own workers, editorialists in Milan and Madrid ask, what does that say about the model everyone else was told to copy?</p>
"""

SEED_STORIES = [
    {
        "headline": "The Hard Labor Of North Korean Workers In China",
        "slug": "the-hard-labor-of-north-korean-workers-in-china",
        "dek": "Recent UN sanctions are trying to limit the flow of money North Korea generates by sending workers abroad, especially to China.",
        "body": NORTH_KOREA_BODY,
        "dateline": "Dandong",
        "country": "CN",
        "section": "food-travel",
        "series": None,
        "authors": ["Brice Pedroletti"],
        "translator": "Rachel Stern",
        "source": "le-monde",
        "original_headline": "En Chine, le dur labeur des travailleurs nord-coréens",
        "original_language": "fr",
        "image": {
            "palette": ("#e8a0b4", "#6d9fd6"),
        },
        "tags": ["North Korea", "China", "Sanctions", "Labor"],
        "featured": True,
        "hours_ago": 3,
    },
    {
        "headline": "Eyes On U.S. — California, The World Is Worried About You",
        "slug": "eyes-on-us-california-the-world-is-worried-about-you",
        "dek": "As an Italian bestseller explores why people are fleeing the Golden State, the international press also takes stock of unprecedented Silicon Valley layoffs. It may be a warning for the rest of the world.",
        "body": CALIFORNIA_BODY,
        "dateline": "",
        "country": "US",
        "section": "world",
        "series": "eyes-on-us",
        "authors": ["Ginevra Falciani", "Bertrand Hauger"],
        "translator": None,
        "source": "il-post",
        "original_headline": "",
        "original_language": "it",
        "image": {
            "palette": ("#3b5998", "#9fc5e8"),
        },
        "tags": ["United States", "California", "Silicon Valley", "Books"],
        "featured": False,
        "hours_ago": 6,
    },
]

"""Demo stories for the two series: the weekly "Eyes on U.S." column and the daily
"Worldcrunch Today" editions published in the In The News section."""

EYES_ON_US = [
    {
        "headline": "Eyes On U.S. — Why Europe Cannot Stop Writing About American Tipping",
        "slug": "eyes-on-us-europe-american-tipping",
        "dek": "Screens that suggest 25% for a bottle of water, tip jars at self-checkouts: for the European press, America's tipping culture has become a favourite story of excess and anxiety.",
        "body": """
<p>Every summer, when Europeans return from holidays in New York or Florida, the same story appears in their newspapers: the shock of the bill. Not the price of the meal, which they expected, but the tablet spun around at the counter, offering 18, 20 or 25 percent for a coffee they poured themselves.</p>
<p>In France, Le Monde devoted a long feature to what it called "tipflation", explaining to readers that American waiters often earn a base wage far below the minimum and depend on tips to live. The paper's correspondent described the moral discomfort of tourists who do not know whether to tip a cashier, a hotel cleaner, or a self-service kiosk that asks the question anyway.</p>
<p>In Germany, where rounding up the bill by a euro or two is considered generous, commentators were fascinated by the psychology of the screen. A tip suggested by a machine, one columnist noted, turns a gesture of thanks into a test of social standing, performed in front of the person you are tipping and the queue behind you.</p>
<h2>A mirror for European debates</h2>
<p>The coverage is not only amused. In Spain and Italy, where hospitality workers are poorly paid and often on seasonal contracts, several papers used the American example to ask whether Europe was drifting in the same direction. Card terminals in Madrid and Milan increasingly offer tip options, a novelty that some restaurant owners welcome and many customers resent.</p>
<p>Economists quoted in the European press tend to agree on one point: tipping shifts the responsibility for paying wages from the employer to the customer, and makes earnings unpredictable. Where it is customary, it also tends to reward workers in visible front-of-house roles over cooks and dishwashers in the kitchen.</p>
<ul>
<li>In much of continental Europe, service is included in menu prices by law or custom.</li>
<li>In Japan, tipping can be considered awkward or even rude.</li>
<li>In the U.S., the federal minimum wage for tipped workers has not changed in decades.</li>
</ul>
<p>For the foreign press, the tipping screen has become a symbol of something larger: an economy where every transaction is an opportunity to ask for more, and where the line between generosity and obligation is blurred. As one Italian columnist put it, the American Dream now comes with a suggested gratuity.</p>
""",
        "dateline": "",
        "country": "US",
        "section": "society",
        "series": "eyes-on-us",
        "authors": ["Ginevra Falciani", "Bertrand Hauger"],
        "translator": None,
        "source": "le-monde",
        "original_headline": "",
        "original_language": "fr",
        "image": {
            "palette": ("#fefae0", "#bc4749"),
        },
        "tags": ["United States", "Tipping", "Labor", "Europe"],
        "featured": False,
        "hours_ago": 60,
    },
    {
        "headline": "Eyes On U.S. — Seen From Tokyo, America's Ballparks Speak Japanese",
        "slug": "eyes-on-us-tokyo-ballparks-speak-japanese",
        "dek": "Japanese stars have become the biggest names in American baseball. The Japanese press follows every at-bat — and draws surprising lessons about the United States.",
        "body": """
<p>On a weekday morning in Tokyo, salarymen on the Yamanote line watch highlights of a game that ended in Los Angeles a few hours earlier. The evening news leads with a home run hit on the other side of the Pacific. Japanese players in Major League Baseball have become national heroes, and their American adventure is followed more closely in Japan than many domestic stories.</p>
<p>The Asahi Shimbun and other Japanese dailies keep correspondents permanently assigned to the players, describing not only their performances but the country around them. Readers learn about the distances between cities, the time zones, the ballpark food, the fans who make signs in Japanese to welcome them.</p>
<p>What fascinates Japanese commentators is the contrast in baseball cultures. In Japan, high school baseball is an almost sacred institution, with its national tournament at Koshien stadium watched by millions. Players bow to the field. Discipline and collective effort are prized. In America, reporters note with a mixture of admiration and puzzlement, the game is a spectacle of individual stars, statistics and enormous contracts.</p>
<h2>Soft power in cleats</h2>
<p>Several Japanese papers have pointed out that baseball stars do more for the image of Japan in America than any diplomatic campaign. Their politeness, their work ethic and their humility in interviews are widely praised by American fans and commentators, who then discover Japanese food, Japanese brands and Japanese tourism.</p>
<p>The relationship also runs the other way. Japanese readers follow America through a sports lens: they learn which cities are friendly, which are expensive, where the best ramen in Los Angeles is served, and how Americans talk about success. For a generation of Japanese teenagers, the United States is above all the place where their idols play.</p>
<blockquote><p>"Baseball is the only American story Japanese readers never tire of," a sports editor in Tokyo told us.</p></blockquote>
<p>There are shadows. Japanese columnists note that their clubs lose their best talent to American teams, weakening the domestic league. Some worry about the intense pressure on players who carry the hopes of a nation on every pitch. And the American habit of booing opponents still surprises visitors from a culture where spectators applaud a good play by either side.</p>
<p>Still, as one commentator wrote, there are worse ways for two allies to get to know each other than over a ball game at 10 a.m. Tokyo time, with a bowl of rice and a live stream from California.</p>
""",
        "dateline": "",
        "country": "US",
        "section": "culture",
        "series": "eyes-on-us",
        "authors": ["Bertrand Hauger", "Yuki Sakamoto"],
        "translator": None,
        "source": "asahi-shimbun",
        "original_headline": "",
        "original_language": "ja",
        "image": {
            "palette": ("#ffb4a2", "#2b2d42"),
        },
        "tags": ["United States", "Japan", "Baseball", "Sport"],
        "featured": False,
        "hours_ago": 180,
    },
    {
        "headline": "Eyes On U.S. — The Dollar, Seen From A Buenos Aires Street Corner",
        "slug": "eyes-on-us-dollar-from-buenos-aires",
        "dek": "In Argentina, the U.S. dollar is not a foreign currency: it is a savings account, a thermometer and a national obsession. The Argentine press reads every decision in Washington for its local effects.",
        "body": """
<p>On Calle Florida in central Buenos Aires, men murmur "cambio, cambio" to passers-by, offering to exchange dollars at the informal rate. Argentines have long saved in U.S. dollars, kept in bank boxes, under mattresses or, in the modern version, in digital wallets. The price of the dollar is announced on the evening news like the weather.</p>
<p>This makes the Argentine press an unusually attentive observer of the United States. A decision by the Federal Reserve in Washington can move the peso within hours. Clarín and other dailies explain interest rate moves to readers who have never been to America but know exactly what a rise in U.S. rates does to their savings.</p>
<p>Argentine commentators have followed the debate over the dollar's global role with particular interest. When economists elsewhere predict the end of the dollar's dominance, Buenos Aires responds with scepticism. "Every Argentine is a living argument for the dollar," one columnist wrote. "We have tried to trust our own currency many times. The dollar has never failed us the way the peso has."</p>
<h2>Dollarisation, the word that divides</h2>
<p>The idea of replacing the peso with the dollar, as Ecuador and El Salvador have done, has been debated fiercely in Argentina. Supporters argue that it would end inflation once and for all. Critics warn that Argentina would hand its monetary policy to a central bank in Washington that will never take Argentine interests into account.</p>
<p>The Argentine coverage of American politics reflects this dependence. Elections in the United States are followed for what they might mean for the dollar, for trade and for the country's negotiations with the International Monetary Fund, in which Washington holds the largest vote.</p>
<ul>
<li>Argentines are estimated to hold a very large amount of U.S. dollars outside the banking system.</li>
<li>The country has had several official and unofficial exchange rates at the same time.</li>
<li>Real estate is commonly priced in dollars, even for apartments sold between Argentines.</li>
</ul>
<p>For American readers, the view from Buenos Aires offers a reminder that their currency is not only theirs. It is, for millions of people around the world, the only thing they trust to keep its value. That trust, Argentine economists note, is an enormous privilege, and one that Washington would be unwise to take for granted.</p>
""",
        "dateline": "",
        "country": "US",
        "section": "economy",
        "series": "eyes-on-us",
        "authors": ["Ginevra Falciani", "Santiago Ledesma"],
        "translator": None,
        "source": "clarin",
        "original_headline": "",
        "original_language": "es",
        "image": {
            "palette": ("#d8f3dc", "#2d6a4f"),
        },
        "tags": ["United States", "Argentina", "Dollar", "Inflation"],
        "featured": False,
        "hours_ago": 250,
    },
    {
        "headline": "Eyes On U.S. — How Europe's Papers Cover America's Summer Of Extreme Heat",
        "slug": "eyes-on-us-europe-covers-american-heat",
        "dek": "Temperatures above 45°C in Phoenix, power grids under strain in Texas: the Spanish and German press follow American heat waves as a preview of their own summers.",
        "body": """
<p>When Phoenix recorded another run of days above 43 degrees Celsius, El País sent a reporter to spend a week in the Arizona city. Her dispatches described emergency rooms treating burns from pavement, construction workers starting their shifts at 4 a.m., and volunteers distributing bottles of water to people living on the streets.</p>
<p>Spanish readers followed the story with a particular interest. Southern Spain has experienced its own record temperatures, and cities like Seville and Córdoba are debating how to adapt: shading streets with canvas awnings, planting trees, changing working hours. "Phoenix is Seville's mirror, with more air conditioning," the paper's correspondent wrote.</p>
<p>German papers have taken a different angle, focusing on the American power grid. Die Welt described how Texas, with its largely independent electricity network, manages demand peaks during heat waves, and what Europe might learn from the rapid growth of solar and battery storage in a state better known for oil.</p>
<h2>Adaptation, American-style</h2>
<p>European commentators are struck by how much American adaptation relies on air conditioning, which is far less common in European homes. In Germany, fewer households have air conditioning than in almost any U.S. state. The debate over whether to install it, given its energy use, is one Europe is only beginning to have.</p>
<p>Some reporters found inspiration. Phoenix has appointed a dedicated heat officer, built networks of cooling centres and experimented with reflective coatings on roads. Several European cities, including Athens, have since created similar posts.</p>
<blockquote><p>"We used to read about American heat waves as exotic news. Now we read them as a forecast," an editor in Madrid told us.</p></blockquote>
<p>The coverage also reveals differences in the climate debate. European papers note with some surprise that in parts of the United States, the link between heat waves and climate change remains politically contested, while in Europe it is largely accepted across the political spectrum, even if the measures to address it are not.</p>
<p>For American readers, the European gaze offers both reassurance and warning. Their cities are not alone in facing the heat, and some of their solutions are being copied abroad. But from Madrid to Berlin, the conclusion is the same: what happens in Phoenix in July is what will happen, sooner than expected, everywhere else.</p>
""",
        "dateline": "",
        "country": "US",
        "section": "green",
        "series": "eyes-on-us",
        "authors": ["Bertrand Hauger", "Lucía Ferrández", "Hanna Wolter"],
        "translator": None,
        "source": "el-pais",
        "original_headline": "",
        "original_language": "es",
        "image": {
            "palette": ("#ffba08", "#d00000"),
        },
        "tags": ["United States", "Climate", "Heat Wave", "Energy"],
        "featured": False,
        "hours_ago": 320,
    },
    {
        "headline": "Eyes On U.S. — What German Students Learn On An American Campus",
        "slug": "eyes-on-us-german-students-american-campus",
        "dek": "Tuition in the tens of thousands, football stadiums, fraternities: German exchange students describe a university system that astonishes them, and that they sometimes envy.",
        "body": """
<p>When Lena, 21, arrived at a public university in the Midwest for her exchange year, the first thing she noticed was the stadium. It seats more people than live in her hometown in Lower Saxony. The second was the price list in the campus bookshop. The third, she says, was how often her professors answered her emails.</p>
<p>Die Welt collected the testimonies of German students who spent a year in the United States, and their impressions form a portrait of American higher education seen from a country where university is almost free. Most were struck by the cost: tuition that can reach tens of thousands of dollars a year, student debt that American classmates discussed openly, and part-time jobs taken to pay for textbooks.</p>
<p>But many were also impressed. Small seminar classes, libraries open around the clock, career services that helped them write résumés, and a sense of belonging to a community that German universities, with their anonymous lecture halls, rarely offer. "In Germany, nobody knows your name," one student wrote. "There, the dean invited us for pizza."</p>
<h2>School spirit and its discontents</h2>
<p>German students were fascinated and sometimes unsettled by the intensity of campus life: sweatshirts with the university's name, football games that paralyse the town, fraternities and sororities with their rituals. Some found it warm and inclusive; others felt it pressured everyone into the same enthusiasm.</p>
<p>Several noted the political tensions on campus, with debates over free speech and protests that German media had covered extensively. Most said the reality was calmer than the headlines suggested. "On television it looks like a battlefield," another student said. "In my classes, people disagreed politely and then went to lunch."</p>
<ul>
<li>German public universities charge only small administrative fees per semester.</li>
<li>Exchange programmes between German and American universities date back decades.</li>
<li>Many German students finance their year abroad with scholarships and savings.</li>
</ul>
<p>What do they bring home? A taste for office hours and small classes, several students said, and a new perspective on their own system. Free tuition is a privilege, they concluded, but it does not have to mean indifference. And a little school spirit, one wrote, "would not hurt us".</p>
""",
        "dateline": "",
        "country": "US",
        "section": "world",
        "series": "eyes-on-us",
        "authors": ["Ginevra Falciani", "Felix Brandt"],
        "translator": None,
        "source": "die-welt",
        "original_headline": "",
        "original_language": "de",
        "image": {
            "palette": ("#e9edc9", "#6a040f"),
        },
        "tags": ["United States", "Germany", "Education", "Youth"],
        "featured": False,
        "hours_ago": 400,
    },
]

WORLDCRUNCH_TODAY = [
    {
        "headline": "Worldcrunch Today — Ploughing Around Mines, A Glacier's Letters, Marseille's Last Catch",
        "slug": "worldcrunch-today-ploughing-around-mines",
        "dek": "Ukrainian farmers sow around the war, Switzerland's melting ice returns objects lost for centuries, and the fishermen of Marseille's Old Port sell their last catch to tourists.",
        "body": """
<p><strong>Mingalaba!*</strong> Welcome to today's edition, where we follow Ukrainian farmers who clear mines before they sow, learn what Switzerland's retreating glaciers are giving back, and watch the sun rise over the fish market of Marseille. We also have a look at why the world's electric car batteries are becoming a second mine.</p>
<p><em>*Burmese, spoken in Myanmar</em></p>
<h2>Today's world</h2>
<ul>
<li><strong>Farming under fire:</strong> Grain growers in eastern Ukraine are working fields that must first be swept for mines, as the country's harvests remain vital to global food supplies. <a href="/article/along-the-dnipro-farmers-plough-around-the-war/">Read the Kyiv Post's report</a>.</li>
<li><strong>Glacier archive:</strong> As Swiss glaciers shrink at record pace, archaeologists in the Valais are racing to collect objects lost in the ice, from prehistoric leather to a 400-year-old letter. <a href="/article/swiss-glaciers-giving-up-their-secrets/">From Le Temps</a>.</li>
<li><strong>Second mine:</strong> China's first wave of electric cars is reaching the end of its life, and recycling their batteries has become an industry of its own. <a href="/article/china-battery-makers-race-to-recycle/">Caixin reports</a>.</li>
<li><strong>Coin crunch:</strong> In Buenos Aires, inflation has made small change so worthless that bus drivers and kiosks have stopped using it.</li>
</ul>
<h2>In the news</h2>
<p>At six in the morning, before the cruise passengers come ashore, the fish market on the Quai des Belges in Marseille is still a place for people who cook. But as Le Monde reports, fewer than twenty professional fishermen still land their catch in the Old Port, and most of them are nearing retirement.</p>
<p>Fuel costs, quotas and a warming Mediterranean have made small-scale fishing a hard living, even as the market has never been more photographed. The city has promised lower mooring fees for young fishermen; so far, two have applied. <a href="/article/marseille-last-fishermen-old-port/">Read the full story</a>.</p>
<h2>Also on the site</h2>
<p>This week, <a href="/article/eyes-on-us-europe-american-tipping/">Eyes on U.S.</a> looks at why the European press cannot stop writing about American tipping, and our Food / Travel section takes <a href="/article/night-trains-are-back-europe/">the night train from Vienna to Paris</a>.</p>
<p>Thanks for reading, and see you tomorrow.</p>
""",
        "dateline": "",
        "country": "",
        "section": "in-the-news",
        "series": "worldcrunch-today",
        "authors": ["Anne Moreau"],
        "translator": None,
        "source": None,
        "original_headline": "",
        "original_language": "",
        "image": {
            "palette": ("#ffe5ec", "#457b9d"),
        },
        "tags": ["Worldcrunch Today", "Ukraine", "Switzerland", "France"],
        "featured": False,
        "hours_ago": 2,
        "is_free": True,
    },
    {
        "headline": "Worldcrunch Today — Bakeries Close, Couriers Strike, A Village Pays To Stay",
        "slug": "worldcrunch-today-bakeries-couriers-village",
        "dek": "Germany's family bakeries run out of apprentices, São Paulo's motorcycle couriers take on the apps, and a Swiss mountain village pays newcomers to settle.",
        "body": """
<p><strong>Sawubona!*</strong> Welcome to today's edition, where we count the bakeries closing across Germany, ride along with São Paulo's striking couriers and climb to a Swiss village that pays people to stay. We also visit a rooftop school in Johannesburg.</p>
<p><em>*isiZulu, spoken in South Africa</em></p>
<h2>Today's world</h2>
<ul>
<li><strong>Last loaf:</strong> Germany has lost about half its independent bakeries in two decades, squeezed by energy bills, supermarket ovens and a lack of apprentices. <a href="/article/germany-bakeries-closing-not-because-of-bread/">Die Welt reports from Kassel</a>.</li>
<li><strong>Brakes on:</strong> São Paulo's motoboys are switching off their apps at peak hours to demand minimum rates and insurance. <a href="/article/sao-paulo-motorcycle-couriers-organise/">From Folha de S.Paulo</a>.</li>
<li><strong>Class above the city:</strong> In central Johannesburg, parents and retired teachers have turned office rooftops into schools. <a href="/article/johannesburg-rooftop-schools/">Read the Mail &amp; Guardian</a>.</li>
<li><strong>Dry groves:</strong> Drought has exposed how much Spain's olive oil boom depends on water Andalusia no longer has.</li>
</ul>
<h2>In the news</h2>
<p>High above the Rhône valley, the Swiss village of Albinen has a church, a shop, a school with eleven pupils and a problem: not enough residents. Its solution, a cash payment for newcomers who commit to stay ten years, made headlines around the world.</p>
<p>Le Temps went back to see what came of it. A handful of families have moved in, enough to keep the school open for now. But older residents ask why strangers are paid while their own children pay city rents. The idea is now being debated in Bern. <a href="/article/swiss-village-voted-to-pay-people-to-stay/">Read the full story</a>.</p>
<h2>Also on the site</h2>
<p>Our Culture section visits the flamenco studios of Madrid's suburbs, where Colombian nurses, Japanese students and a retired postman learn the bulería from a teacher from Jerez. And in Green, a Leipzig housing cooperative shows that East Germany's prefabricated blocks can be heated without gas.</p>
<p>Thanks for reading, and see you tomorrow.</p>
""",
        "dateline": "",
        "country": "",
        "section": "in-the-news",
        "series": "worldcrunch-today",
        "authors": ["Anne Moreau", "Bertrand Hauger"],
        "translator": None,
        "source": None,
        "original_headline": "",
        "original_language": "",
        "image": {
            "palette": ("#ffd6a5", "#6d597a"),
        },
        "tags": ["Worldcrunch Today", "Germany", "Brazil", "Switzerland"],
        "featured": False,
        "hours_ago": 26,
    },
    {
        "headline": "Worldcrunch Today, Weekend Edition — Take Our News Quiz",
        "slug": "worldcrunch-today-weekend-news-quiz",
        "dek": "Milk bars, rental friends and a collider under Lake Geneva: how closely did you follow the week's news from the world's press? Test yourself with our quiz.",
        "body": """
<p><strong>Tere!*</strong> Welcome to the weekend edition. Before you put your feet up, we have a few questions for you about the week's stories from the world's press, whatever their language. No peeking at the answers, printed at the bottom.</p>
<p><em>*Estonian, spoken in Estonia</em></p>
<h2>This week's news quiz</h2>
<ol>
<li>In which Polish city did we visit a subsidised "milk bar" that still serves four hundred lunches a day? <em>(a) Gdańsk (b) Kraków (c) Poznań</em></li>
<li>What do Japanese clients of rental-friend agencies most often book a companion for? <em>(a) Shared meals and walks (b) Romantic dates (c) Job interviews</em></li>
<li>How long would the ring of CERN's proposed Future Circular Collider be? <em>(a) 27 km (b) 56 km (c) About 91 km</em></li>
<li>Which crop is at the heart of the water debate in Andalusia? <em>(a) Oranges (b) Olives (c) Almonds</em></li>
<li>In Saint-Aubin-du-Cormier, how are members of the town's citizens' assembly chosen? <em>(a) By election (b) By the mayor (c) By lot</em></li>
</ol>
<h2>Weekend reads</h2>
<p>If you have a little more time, we recommend three longer stories from the week: <a href="/article/kyiv-night-schools-for-soldiers-coming-home/">Kyiv's night schools for veterans</a>, where soldiers returning from the front learn a trade and find people to talk to; <a href="/article/japan-robot-caregivers-nursing-home/">an Osaka nursing home's experience with care robots</a>; and <a href="/article/brazilian-scientists-mapping-atlantic-forest/">the scientists mapping every tree</a> in Brazil's Atlantic Forest.</p>
<p>And for a lighter read with your weekend coffee, Kraków's milk bars are still serving pierogi and beetroot soup at prices from another era, to students, pensioners and food tourists sharing the same long tables.</p>
<h2>Answers</h2>
<p>1. (b) Kraków. 2. (a) Shared meals and walks. 3. (c) About 91 km. 4. (b) Olives. 5. (c) By lot.</p>
<p>How did you do? Five out of five earns you our admiration and a very good weekend. Thanks for reading; we are back on Monday.</p>
""",
        "dateline": "",
        "country": "",
        "section": "in-the-news",
        "series": "worldcrunch-today",
        "authors": ["Anne Moreau"],
        "translator": None,
        "source": None,
        "original_headline": "",
        "original_language": "",
        "image": {
            "palette": ("#fff1e6", "#8d99ae"),
        },
        "tags": ["Worldcrunch Today", "News Quiz"],
        "featured": False,
        "hours_ago": 20,
        "is_free": True,
    },
    {
        "headline": "Worldcrunch Today — Fantasy From Poland, A Wall In The Forest, Tacos With A Star",
        "slug": "worldcrunch-today-fantasy-wall-tacos",
        "dek": "Poland's translators turned fantasy into a national export, a steel barrier cuts through Europe's oldest forest, and Mexico City's taco stands learn to live with fame.",
        "body": """
<p><strong>Kia ora!*</strong> Welcome to today's edition, where we meet the translators who made fantasy a Polish export, walk along the border fence in the Białowieża forest and join a two-hour queue for tacos in Mexico City. We also look at what Southeast Asia's quiet alliances mean for China.</p>
<p><em>*Māori, spoken in New Zealand</em></p>
<h2>Today's world</h2>
<ul>
<li><strong>Fence in the forest:</strong> Villages in Poland's east are learning to live beside a steel barrier on the border with Belarus, with patrols by day and volunteers in the woods at night. <a href="/article/poland-eastern-border-towns-live-beside-a-wall/">Gazeta Wyborcza reports</a>.</li>
<li><strong>Insurance policies:</strong> From Hanoi to Manila, China's neighbours are signing defence and trade deals with each other. <a href="/article/china-neighbours-build-web-of-ties/">Caixin's analysis</a>.</li>
<li><strong>Starred street food:</strong> A tiny taquería in Mexico City's historic centre has a two-hour queue since a famous guide recognised it. Its prices have not changed. <a href="/article/mexico-city-taco-stand-michelin-queue/">From El País</a>.</li>
<li><strong>Shipyard revival:</strong> In Nagasaki, Japan's defence build-up has brought jobs back to the harbour, and uneasy questions to the city of peace.</li>
</ul>
<h2>In the news</h2>
<p>In the 1980s, a generation of young Poles copied forbidden English fantasy novels by hand in school notebooks. Some of them became the translators who introduced Tolkien and Le Guin to Polish readers, and prepared the ground for Polish fantasy to conquer the world through books, games and television.</p>
<p>Gazeta Wyborcza met one of them in Kraków, where she still keeps the box of battered paperbacks from her youth. Now she worries about machine translation of game dialogue and publishers who want only the next saga. <a href="/article/polish-translators-fantasy-national-sport/">Read the full story</a>.</p>
<h2>Also on the site</h2>
<p>In Economy, Italy's latest pension reform tries to keep older workers on the job and tempt young emigrants home, and in Society, a Breton town that draws its citizens' assembly by lot has turned council meetings into the most popular event of the month.</p>
<p>Thanks for reading, and see you tomorrow.</p>
""",
        "dateline": "",
        "country": "",
        "section": "in-the-news",
        "series": "worldcrunch-today",
        "authors": ["Bertrand Hauger"],
        "translator": None,
        "source": None,
        "original_headline": "",
        "original_language": "",
        "image": {
            "palette": ("#e2ece9", "#355070"),
        },
        "tags": ["Worldcrunch Today", "Poland", "Mexico", "China"],
        "featured": False,
        "hours_ago": 50,
    },
]

STORIES = EYES_ON_US + WORLDCRUNCH_TODAY

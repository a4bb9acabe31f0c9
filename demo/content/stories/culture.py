"""Demo stories for the Culture, Green, Tech / Science and Food / Travel sections."""

STORIES = [
    {
        "headline": "The Polish Translators Who Made Fantasy A National Sport",
        "slug": "polish-translators-fantasy-national-sport",
        "dek": "Poland exports video games and novels about witches and monsters to the world. Behind the boom is a generation of translators who grew up smuggling paperbacks across the Iron Curtain.",
        "body": """
<p>In the 1980s, Ewa Górecka kept a box of English paperbacks under her bed in Kraków. Tolkien, Le Guin, a battered copy of a Conan novel — books brought back by a cousin who worked on ships, passed from hand to hand, read until the spines fell apart. "We translated them for each other in school notebooks," she says. "It was illegal to print them, but not to copy them by hand."</p>
<p>Today Górecka, 61, is one of Poland's most respected literary translators, and fantasy is one of the country's cultural exports. Polish novels of the genre have been translated into dozens of languages, and the video games adapted from them have sold tens of millions of copies worldwide. Bookshops in Warsaw devote entire walls to the genre; fantasy conventions fill exhibition halls.</p>
<p>Literary historians trace the boom back to the translators of the late communist period and the 1990s, who introduced Anglo-American fantasy to a generation hungry for anything forbidden or foreign. "Under communism, fantasy was a way to talk about power, about resistance, without naming it," says Professor Jan Michalik, who teaches comparative literature in Wrocław. "Readers learned to read allegory. Writers learned to write it."</p>
<h2>Slavic monsters for a global audience</h2>
<p>The Polish authors who followed did not simply imitate. They mixed English fantasy with Slavic folklore, with its strigas, leshy and water spirits, and with a very Central European sense of irony. Heroes are tired, kings are corrupt, and the monsters are sometimes the most honest characters in the book.</p>
<p>Translators into other languages face the reverse challenge. "How do you translate a joke that depends on a Polish proverb, spoken by a dwarf, about a Lithuanian king?" asks Górecka, who has advised translators into English and Italian. "You cannot explain it in a footnote. You have to find the joke's cousin in the other language."</p>
<ul>
<li>Game studios in Warsaw and Kraków employ thousands of people, including writers and localisation teams.</li>
<li>Several Polish fantasy series have been adapted for streaming platforms.</li>
<li>Translation grants from the Polish Book Institute support publication abroad.</li>
</ul>
<p>The success has brought new pressures. Young Polish writers complain that publishers now want "the next big fantasy saga" and little else. Translators, meanwhile, worry about machine translation tools that studios increasingly use for game dialogue, leaving humans to correct the output for a fraction of the fee.</p>
<p>Górecka still has the box of paperbacks. She has taken it out from under the bed and put it on a shelf in her study, next to the foreign editions of the books she translated. "Those old books were a window," she says. "Now the window opens the other way. That is the best thing that happened to my profession."</p>
""",
        "dateline": "Kraków",
        "country": "PL",
        "section": "culture",
        "series": None,
        "authors": ["Tomasz Wierzbicki"],
        "translator": "Sophie Lindqvist",
        "source": "gazeta-wyborcza",
        "original_headline": "Tłumacze, którzy zrobili z fantastyki sport narodowy",
        "original_language": "pl",
        "image": {
            "palette": ("#d4a373", "#3a0ca3"),
        },
        "tags": ["Poland", "Books", "Translation", "Video Games"],
        "featured": False,
        "hours_ago": 56,
    },
    {
        "headline": "Flamenco's New Generation Dances Outside Andalusia",
        "slug": "flamenco-new-generation-outside-andalusia",
        "dek": "Once the heritage of Gitano families in Seville and Jerez, flamenco is now taught in Tokyo, Mexico City and Madrid's suburbs. Purists worry; young dancers say the art has always travelled.",
        "body": """
<p>In a basement studio in Vallecas, a working-class district in southern Madrid, twenty dancers stamp in unison under fluorescent lights. The teacher, Rocío Heredia, claps the twelve-beat rhythm of the bulería and shouts corrections over the guitar. Among her students are a Colombian nurse, two Japanese exchange students, a retired postman and a teenager who learned the basics from videos on her phone.</p>
<p>Flamenco, inscribed on UNESCO's list of intangible cultural heritage in 2010, was long associated with a handful of Andalusian cities and with the Gitano families who preserved its most intimate forms. Today it is taught across Spain and far beyond. Japan is often said to have more flamenco academies than Spain itself, and festivals in Mexico, the United States and France sell out.</p>
<p>"People say flamenco is born, not learned," says Heredia, who comes from a Gitano family in Jerez. "It is true that I grew up with it at every wedding, every baptism, every funeral. But my grandmother also learned. Everyone learns. The question is whether you learn the steps or the feeling."</p>
<h2>Purity and fusion</h2>
<p>The debate over authenticity is as old as flamenco itself. In the 1960s and 1970s, guitarists who mixed flamenco with jazz and Latin rhythms were accused of betraying the tradition; today they are considered classics. A new generation of singers blends it with electronic music and urban pop, reaching millions of listeners online, to the irritation of some traditionalists.</p>
<p>"Fusion is not the enemy," argues the musicologist Carmen Salazar. "What worries me is when the social context disappears: the peña, the family gathering, the small bar where old men sing at two in the morning. Flamenco is not just a show. It is a way of being together."</p>
<blockquote><p>"The Japanese student who practises every day for ten years has earned her place on stage. Flamenco belongs to whoever gives it their life," says Heredia.</p></blockquote>
<p>Economic realities are shaping the art too. The tablaos, the flamenco venues of Madrid and Seville, depend on tourists, and several closed during the pandemic and never reopened. Dancers earn little for long nights; many teach during the day to survive. Public funding supports festivals but rarely the everyday circuit where artists learn their craft.</p>
<p>At the end of the class, Heredia asks each student to dance a short improvised solo. The teenager goes last. She hesitates, then stamps a rhythm that is not quite right but full of intent. The room claps. "That," Heredia says, "is the beginning."</p>
""",
        "dateline": "Madrid",
        "country": "ES",
        "section": "culture",
        "series": None,
        "authors": ["Lucía Ferrández"],
        "translator": "Daniel Marcus",
        "source": "el-pais",
        "original_headline": "La nueva generación del flamenco baila lejos de Andalucía",
        "original_language": "es",
        "image": {
            "palette": ("#e63946", "#1d3557"),
        },
        "tags": ["Spain", "Music", "Dance", "Heritage"],
        "featured": False,
        "hours_ago": 110,
    },
    {
        "headline": "Argentina's Bookshops Outlast Every Crisis",
        "slug": "argentina-bookshops-outlast-every-crisis",
        "dek": "Buenos Aires has more bookshops per inhabitant than almost any city on earth. Through inflation, devaluation and recession, readers keep coming — and booksellers keep inventing ways to stay open.",
        "body": """
<p>The former Grand Splendid theatre on Avenida Santa Fe, with its frescoed dome and red velvet curtains, has been a bookshop for more than two decades. Tourists come to photograph the balconies lined with shelves; locals come to buy novels and read them in the café on the old stage. On a weekday afternoon, every armchair is taken.</p>
<p>Buenos Aires is famously a city of readers. Its bookshops, several hundred of them, range from grand chains to tiny secondhand stalls on Avenida Corrientes, open past midnight. The Buenos Aires Book Fair draws over a million visitors each year. Publishing survived the crisis of 2001, hyperinflation before it, and the turbulence of recent years.</p>
<p>It has not been easy. With paper imported and priced in dollars, the cost of a new book has soared, and publishers print smaller runs. "Every month the price list changes," says Ernesto Villalba, who owns a small shop in San Telmo. "Sometimes a customer orders a book on Monday and it costs more when it arrives on Friday. I honour the Monday price. I lose money. But I keep the customer."</p>
<h2>Secondhand, swap and subscribe</h2>
<p>Booksellers have adapted. Secondhand sales have grown strongly, and some shops now buy back books from customers in exchange for credit. Others run subscription clubs: for a monthly fee, readers receive a surprise book chosen by the shop, a way to guarantee income in an unpredictable economy.</p>
<p>Independent publishers have become more inventive too. Small presses print beautifully designed editions in runs of a few hundred copies, often of Latin American authors ignored by the big multinationals. "The crisis forces you to choose well," says Paula Iturbe, who founded a press with two friends from university. "We cannot afford to publish a book we do not love."</p>
<ul>
<li>Buenos Aires has one of the highest densities of bookshops of any major city.</li>
<li>Avenida Corrientes is known for bookshops open late into the night.</li>
<li>Book fairs in provincial cities have multiplied in recent years.</li>
</ul>
<p>Why do Argentines keep reading when money is tight? Booksellers give sentimental answers — a culture of cafés and conversation, a literary tradition that includes Borges and Cortázar — and practical ones. "A book is a cheap evening," Villalba says. "Cheaper than a cinema, cheaper than a dinner. And you can lend it to your sister."</p>
<p>At closing time in San Telmo, a student counts coins at the counter for a used copy of a poetry collection. She is a few hundred pesos short. Villalba waves her on. "She will come back," he says. "They always come back. That is the whole business model."</p>
""",
        "dateline": "Buenos Aires",
        "country": "AR",
        "section": "culture",
        "series": None,
        "authors": ["Santiago Ledesma", "Valentina Roca"],
        "translator": "Daniel Marcus",
        "source": "clarin",
        "original_headline": "Las librerías porteñas sobreviven a todas las crisis",
        "original_language": "es",
        "image": {
            "palette": ("#fcbf49", "#780000"),
        },
        "tags": ["Argentina", "Books", "Inflation", "Buenos Aires"],
        "featured": False,
        "hours_ago": 280,
    },
    {
        "headline": "Swiss Glaciers Are Giving Up Their Secrets",
        "slug": "swiss-glaciers-giving-up-their-secrets",
        "dek": "As the ice retreats at record speed, it releases objects lost for centuries: a Roman coin, a soldier's boot, a plane wreck. Archaeologists race to collect them before they decay.",
        "body": """
<p>Every summer, the glaciologist Matthias Huss and his colleagues measure the Swiss glaciers, and every summer the numbers are worse. In recent years, Switzerland's glaciers have lost several percent of their remaining volume in a single season, rates scientists had not expected to see for decades. Entire small glaciers have vanished from the map.</p>
<p>As the ice melts, it gives back what it swallowed. Hikers in the Valais have found the bodies of mountaineers missing since the 1970s. On the Schnidejoch pass, the retreating ice revealed leather shoes, a bow case and arrows up to 6,000 years old. On the Aletsch glacier, the wreck of a small plane that crash-landed in the 1960s emerged, its fuselage crushed by decades of ice.</p>
<p>For archaeologists, the melt is both a gift and an emergency. Organic materials like wood, leather and textile are preserved almost perfectly in ice, but begin to rot within months of exposure. "We are collecting a library that is burning," says Régine Favre, an archaeologist with the canton of Valais. "Every season, objects appear that will be destroyed if nobody finds them in time."</p>
<h2>Hikers as field workers</h2>
<p>The cantons now ask hikers and mountain guides to report any object they find near glaciers, rather than take it home. Posters in mountain huts explain what to look for and how to photograph finds with GPS coordinates. Dozens of reports arrive each summer, from Bronze Age tools to mule shoes used by medieval traders crossing the passes.</p>
<p>Some finds are intensely personal. In one village, the remains of two brothers who disappeared on a glacier in the 1920s were identified through DNA from their descendants. Their great-nephew, now in his seventies, organised a funeral in the village church. "My grandmother talked about them all her life," he told Le Temps. "Now they are home."</p>
<blockquote><p>"The glaciers were our archives. We are opening them at the moment we are losing them," says Favre.</p></blockquote>
<p>Scientists stress that the spectacle should not distract from the cause. Switzerland's glaciers are projected to lose most of their volume this century even if global warming is limited, with consequences for hydropower, agriculture and the rivers that flow from the Alps across Europe.</p>
<p>In a laboratory in Sion, a conservator gently brushes dried mud from a 400-year-old leather pouch found last summer. Inside, there are three coins and a small folded letter, too fragile to open yet. "Someone lost this crossing the pass," Favre says. "They must have been very annoyed. We will read their letter, one day, because the world got warmer."</p>
""",
        "dateline": "Sion",
        "country": "CH",
        "section": "green",
        "series": None,
        "authors": ["Lucas Perrin"],
        "translator": "Rachel Stern",
        "source": "le-temps",
        "original_headline": "Les glaciers suisses livrent leurs secrets",
        "original_language": "fr",
        "image": {
            "palette": ("#e0f7fa", "#546e7a"),
        },
        "tags": ["Switzerland", "Climate", "Glaciers", "Archaeology"],
        "featured": True,
        "hours_ago": 40,
    },
    {
        "headline": "The Italian Village That Makes Its Own Electricity",
        "slug": "italian-village-makes-its-own-electricity",
        "dek": "In the hills of Piedmont, residents pooled their rooftops and their savings to form an energy community. Their bills have fallen, and a new law wants thousands more to follow.",
        "body": """
<p>The church of Magliano Alpi, a village of two thousand people near Cuneo, has solar panels on its roof. So does the town hall, the school, the sports centre and a growing number of houses. Together they feed a shared network that supplies electricity to residents, small businesses and the municipality, and shares the savings among them.</p>
<p>Magliano Alpi was among the first places in Italy to create a "renewable energy community" when legislation allowed it. The idea is simple: neighbours who produce solar power share it with those who consume it, receiving incentives for every kilowatt-hour used locally. The surplus funds projects voted by the members.</p>
<p>"At the beginning, people thought it was a scam or a political stunt," says the project's coordinator, Giulia Ferrero, an engineer who grew up in the village. "Then the energy crisis came, and everyone's bills exploded. Suddenly, at every meeting, there were fifty people asking how to join."</p>
<h2>From pilot to policy</h2>
<p>A national decree now offers generous incentives and grants for energy communities in small municipalities, funded partly by the European recovery plan. The government's goal is for thousands of communities to be created across the country, from Alpine villages to Sicilian towns, adding several gigawatts of solar capacity.</p>
<p>The reality on the ground is slower. Setting up a community requires legal statutes, agreements with the grid operator and a lot of paperwork, and many small municipalities lack the expertise. Consultancies have sprung up to help them, some more reliable than others. Environmental groups worry that poorly designed projects could end up benefitting installers more than residents.</p>
<ul>
<li>Members do not need to change supplier; the sharing happens through incentives calculated on the grid.</li>
<li>Households without a suitable roof can join as consumers.</li>
<li>Many communities use part of their income to help families in energy poverty.</li>
</ul>
<p>In Magliano Alpi, the savings have paid for new LED street lighting and a fund to help low-income families with their bills. The community also installed charging points for electric cars in the main square, though there are still few electric cars in the village. "The old men use them as benches," Ferrero laughs.</p>
<p>Mayor Marco Bailo, who backed the project from the start, says the greatest benefit is not financial. "For once, people here feel they are part of the solution and not just the ones paying for it," he says. "In a small village, that is worth more than the money."</p>
""",
        "dateline": "Magliano Alpi",
        "country": "IT",
        "section": "green",
        "series": None,
        "authors": ["Matteo Ruggieri", "Chiara Valsecchi"],
        "translator": "Rachel Stern",
        "source": "il-post",
        "original_headline": "Il paese piemontese che si produce l'elettricità da solo",
        "original_language": "it",
        "image": {
            "palette": ("#ffd166", "#118ab2"),
        },
        "tags": ["Italy", "Solar Energy", "Energy", "Climate"],
        "featured": False,
        "hours_ago": 150,
    },
    {
        "headline": "Cape Town Learned To Save Water. Will It Remember?",
        "slug": "cape-town-learned-to-save-water",
        "dek": "Years after the city came within weeks of turning off its taps, consumption has crept back up. Engineers say the lessons of 'Day Zero' are being forgotten one shower at a time.",
        "body": """
<p>In early 2018, the residents of Cape Town were told that the city might run out of water within months. Dams were nearly empty after three years of drought, and the municipality drew up plans to turn off household taps and send people to collection points guarded by police. The date was called "Day Zero", and it was counted down on the city's website.</p>
<p>It never came. Residents cut their consumption by more than half in a matter of months, through showers timed with egg timers, toilets flushed with greywater and gardens left to die. Farmers gave up part of their allocation, and the rains returned. Cape Town became a case study for cities around the world facing drought.</p>
<p>Today the dams are full and the crisis is a memory. Consumption has risen again, though it remains below pre-drought levels. "People have been wonderful, and people have also relaxed," says Kevin Winter, a water specialist at the University of Cape Town. "That is human nature. But the climate has not relaxed."</p>
<h2>New sources, old habits</h2>
<p>The city has invested in diversifying its supply: groundwater from aquifers, treated wastewater and a small desalination capacity. A tariff structure that charges heavy users much more per litre remains in place. Yet engineers warn that population growth and longer dry spells mean the city will face another crisis unless demand stays under control.</p>
<p>In the townships of the Cape Flats, where many households share standpipes and never had gardens to water, the Day Zero campaign left a bitter taste. "Rich people were told to stop filling their swimming pools," says Nomsa Jacobs, a community activist in Khayelitsha. "We were already using 20 litres a day. Nobody asked us how to save water. We could have taught them."</p>
<blockquote><p>"A drought is a slow disaster. You see it coming for years, and you still act only in the last month," says Winter.</p></blockquote>
<p>Some habits have stuck. Many households kept their rainwater tanks and greywater systems. Shops still sell shower timers and buckets with the city's logo. Hotels ask guests to reuse towels with a seriousness that goes beyond marketing.</p>
<p>On a clear autumn day, the Theewaterskloof dam, once a cracked bed of mud, is a wide blue lake with sailing boats. At its edge, the stumps of trees that emerged during the drought are underwater again. "It looks like nothing happened," says Winter. "That is exactly the danger."</p>
""",
        "dateline": "Cape Town",
        "country": "ZA",
        "section": "green",
        "series": None,
        "authors": ["Pieter van Wyk"],
        "translator": None,
        "source": "mail-guardian",
        "original_headline": "",
        "original_language": "en",
        "image": {
            "palette": ("#90e0ef", "#bc6c25"),
        },
        "tags": ["South Africa", "Water", "Drought", "Climate", "Cities"],
        "featured": False,
        "hours_ago": 360,
    },
    {
        "headline": "Germany Tests Heat Pumps In Its Oldest Apartment Blocks",
        "slug": "germany-heat-pumps-oldest-apartment-blocks",
        "dek": "A fierce political fight over home heating left Germans confused. In Leipzig, a housing cooperative quietly proves that old buildings can go fossil-free.",
        "body": """
<p>The apartment blocks of the Grünau estate on the western edge of Leipzig were built in the 1970s and 1980s from prefabricated concrete panels, the famous Plattenbau of East Germany. They were never designed for efficiency. Heat leaked through the joints between panels, and residents complained of cold bedrooms and huge bills.</p>
<p>Today, one of the blocks is a laboratory. Its housing cooperative has insulated the walls, replaced the windows and installed a set of large heat pumps on the roof, drawing warmth from the outside air and from wastewater. The gas boiler in the basement is still there, as a backup. This winter, it was switched on for eleven days.</p>
<p>"Everyone said heat pumps do not work in old buildings," says Katrin Seidel, the cooperative's technical director. "It is not true. They work if you do the homework: insulation, radiators that are large enough, a good design. What does not work is putting a heat pump into a leaking building and hoping."</p>
<h2>A law that became a culture war</h2>
<p>Germany's attempt to phase out oil and gas heating in new installations became one of the most bitter political fights in recent years. Tabloids warned of a "heating hammer"; homeowners rushed to install gas boilers before the rules took effect. The law was eventually watered down and delayed, and heat pump sales, after a boom, fell back sharply.</p>
<p>Engineers and housing associations say the controversy obscured a more practical reality. Buildings account for a large share of Germany's carbon emissions, and most of them will still be standing in 2045, the year the country has set for climate neutrality. "The question is not whether we renovate, but how fast and who pays," says Seidel.</p>
<ul>
<li>The renovation cost per apartment was partly covered by federal grants.</li>
<li>Rents rose slightly, but heating costs fell by more, according to the cooperative.</li>
<li>Residents were consulted at every stage, and several asked for balconies during the works.</li>
</ul>
<p>Residents were sceptical at first. Helga Böhme, 79, has lived in her apartment since 1984. "I remembered the last renovation, in the 1990s. Dust for a year," she says. "This time it was six weeks. And now the bedroom is warm. At my age, that matters more than the climate, to be honest. But my grandchildren say it is good for the climate too."</p>
<p>Delegations from other cities and countries now visit Grünau regularly. Seidel shows them the heat pumps, the data, the bills. "We are not heroes," she says. "We are a cooperative. We had to do something with these buildings anyway. We simply did it once, properly."</p>
""",
        "dateline": "Leipzig",
        "country": "DE",
        "section": "green",
        "series": None,
        "authors": ["Hanna Wolter", "Felix Brandt"],
        "translator": "Sophie Lindqvist",
        "source": "die-welt",
        "original_headline": "Wärmepumpen im Plattenbau: Leipzig macht den Test",
        "original_language": "de",
        "image": {
            "palette": ("#dee2e6", "#2b9348"),
        },
        "tags": ["Germany", "Energy", "Housing", "Climate"],
        "featured": False,
        "hours_ago": 420,
    },
    {
        "headline": "Japan's Robot Caregivers Meet Reality In A Nursing Home",
        "slug": "japan-robot-caregivers-nursing-home",
        "dek": "Japan has bet on robots to care for its ageing population. In one Osaka nursing home, staff say the machines help — but not in the ways engineers expected.",
        "body": """
<p>The robot in the common room of the Sakura nursing home in Osaka is shaped like a baby seal. It blinks, turns its head towards voices and makes soft sounds when stroked. Mrs. Tanaka, 91, holds it on her lap every afternoon and talks to it about her late husband. "She is calmer when she has it," says a caregiver. "Some days she calls it by his name."</p>
<p>Japan has invested heavily in care robots, hoping that technology can ease a shortage of care workers that is expected to grow into the hundreds of thousands as the population ages. Government subsidies help nursing homes buy lifting devices, monitoring sensors, walking aids and companion robots like the seal, which has been used in care homes for years.</p>
<p>The results have been more modest than the promotional videos suggested. A large humanoid robot the Sakura home bought to lead exercise sessions sits in a storeroom under a sheet. "The residents found it frightening at first, then boring," says the director, Keiko Mori. "It could only do the same movements. A young caregiver with a sense of humour does it much better."</p>
<h2>The machines that work</h2>
<p>What has worked, Mori says, are the least glamorous machines. Sensors under mattresses detect when a resident gets up at night, reducing falls and allowing night staff to rest between rounds. Powered suits worn by caregivers reduce back injuries when lifting residents, one of the main reasons workers leave the profession.</p>
<p>Researchers who study care robotics confirm the pattern. "The technology that succeeds supports the worker rather than replacing them," says Dr. Aiko Nishimura of a university in Kyoto. "Engineers dream of a robot that cares. Caregivers want a tool that removes the heavy, repetitive parts so they can spend more time with people."</p>
<blockquote><p>"A robot can lift a body. It cannot hold a hand," says Mori.</p></blockquote>
<p>The care worker shortage is also being addressed by immigration. Japan has opened visa programmes for care workers from Indonesia, the Philippines, Vietnam and elsewhere, and several of the Sakura home's staff come from abroad. They speak Japanese with the residents and sometimes teach them a few words of their own languages.</p>
<p>In the afternoon, a Vietnamese caregiver named Linh sings a Japanese children's song with a group of residents while the seal robot sits on the table, forgotten for a moment. Mrs. Tanaka joins in, a little off-key. "That," says Mori, "no machine can do."</p>
""",
        "dateline": "Osaka",
        "country": "JP",
        "section": "tech-science",
        "series": None,
        "authors": ["Mei Fujiwara"],
        "translator": "Daniel Marcus",
        "source": "asahi-shimbun",
        "original_headline": "介護ロボット、現場の現実",
        "original_language": "ja",
        "image": {
            "palette": ("#f8edeb", "#6d6875"),
        },
        "tags": ["Japan", "Robots", "Ageing", "Health"],
        "featured": False,
        "hours_ago": 65,
    },
    {
        "headline": "China's Battery Makers Race To Recycle Their Own Success",
        "slug": "china-battery-makers-race-to-recycle",
        "dek": "The first wave of Chinese electric cars is reaching the end of its life. Recycling their batteries has become an industry — and a test of whether the green transition can close its own loop.",
        "body": """
<p>In an industrial park outside Changsha, in Hunan province, forklifts carry pallets of used battery packs into a hangar the size of a football pitch. Inside, workers in protective suits discharge, dismantle and shred them. At the end of the line, a black powder emerges: a mixture of lithium, nickel, cobalt and manganese that will be refined and sold back to battery makers.</p>
<p>China sells more electric vehicles than the rest of the world combined, and the cars bought during the first subsidy-driven boom a decade ago are now reaching the end of their useful lives. Their batteries, which typically lose capacity after eight to ten years, represent both an environmental risk and a resource. Caixin estimates that the volume of retired batteries will grow several-fold by the end of the decade.</p>
<p>"Ten years ago, nobody thought about what would happen to these batteries," says Wang Jun, the plant's operations manager. "Now everyone wants them. The metals inside are worth more than the scrap of the whole car."</p>
<h2>A grey market in old batteries</h2>
<p>The sector has grown chaotically. Alongside licensed recyclers like Wang's, thousands of small workshops buy used batteries, extract the most valuable parts and dump the rest, sometimes with serious pollution. Because they avoid the costs of environmental compliance, they can often pay more for old batteries than the official plants.</p>
<p>Regulators have responded with a tracking system that gives each battery a code, meant to follow it from factory to recycler. Car makers are responsible for collecting the batteries of the vehicles they sold. Enforcement has been uneven, industry executives say, but is tightening.</p>
<ul>
<li>Recycling can recover most of the lithium, nickel and cobalt in a battery, according to industry figures.</li>
<li>Some batteries get a "second life" storing solar power or backing up telecom towers before being recycled.</li>
<li>European rules will soon require new batteries to contain a minimum share of recycled materials.</li>
</ul>
<p>Chinese companies are also looking abroad. European regulations on recycled content are pushing Chinese battery makers to build recycling plants in Hungary, Germany and Spain, close to the car factories they supply. "Whoever controls recycling controls the second mine," says an analyst quoted by Caixin.</p>
<p>Back in Changsha, a technician holds up a jar of black powder. It came, he says, from about two hundred taxis that circulated in Shenzhen a decade ago. "These cars drove millions of kilometres," he says. "Now their batteries will go into new cars. Maybe they will come back to Shenzhen."</p>
""",
        "dateline": "Changsha",
        "country": "CN",
        "section": "tech-science",
        "series": None,
        "authors": ["Zhang Haoran"],
        "translator": "Daniel Marcus",
        "source": "caixin",
        "original_headline": "动力电池回收：中国电动车的下半场",
        "original_language": "zh",
        "image": {
            "palette": ("#b8f2e6", "#3c096c"),
        },
        "tags": ["China", "Electric Vehicles", "Recycling", "Batteries"],
        "featured": False,
        "hours_ago": 175,
    },
    {
        "headline": "The Brazilian Scientists Mapping Every Tree In The Atlantic Forest",
        "slug": "brazilian-scientists-mapping-atlantic-forest",
        "dek": "Only a fraction of Brazil's other great forest survives. With drones, laser scanners and volunteers, researchers are cataloguing what is left, tree by tree.",
        "body": """
<p>The drone rises above the canopy with a high-pitched whine, hovers, then sets off in a straight line over the hills of the Serra do Mar. Beneath it, a laser scanner fires hundreds of thousands of pulses per second, measuring the height and shape of every tree. On the ground, the botanist Ana Luiza Pinheiro watches the live image on a tablet. "Look," she says, pointing at a tall crown. "That one is probably two hundred years old."</p>
<p>The Atlantic Forest once covered a vast strip of Brazil's coast and interior. Centuries of logging, sugar cane, coffee and urban growth have reduced it to scattered fragments. Yet it remains one of the most biodiverse places on earth, home to species found nowhere else, and the source of water for some of Brazil's largest cities, including São Paulo and Rio de Janeiro.</p>
<p>Pinheiro's team, based at a public university in São Paulo state, is building a detailed map of the remaining fragments: not just where forest exists, but how tall, how dense and how healthy it is. Combining drone surveys, satellite images and ground plots, they hope to identify which fragments store the most carbon and which can be reconnected through restoration.</p>
<h2>Counting by hand</h2>
<p>The technology does not replace fieldwork. On the ground, volunteers measure tree trunks with tape, collect leaves for identification and tag trees with numbered aluminium plates. Many are retirees and students; some are farmers who own fragments of forest on their land and want to know what they have.</p>
<p>"I grew up next to this forest and never knew the names of the trees," says Sebastião Moraes, 66, a retired truck driver who volunteers twice a month. "Now I know the jequitibá, the palmito, the canela. When I see a new one, I take a photo and send it to the professor. She answers at night, even on Sundays."</p>
<blockquote><p>"You cannot protect what you have not counted," says Pinheiro.</p></blockquote>
<p>Restoration projects in the Atlantic Forest have gained momentum, supported by companies buying carbon credits and by state programmes that pay landowners to replant. Scientists warn that planting trees is easy and growing a forest is hard: many projects fail because they plant only a few fast-growing species or are abandoned after a few years.</p>
<p>At dusk, the drone returns and lands in a clearing. The data it collected will take a week to process. Pinheiro packs up as howler monkeys begin to call in the valley below. "Every fragment we map is a little island," she says. "Our job is to show where the bridges should go."</p>
""",
        "dateline": "Serra do Mar",
        "country": "BR",
        "section": "tech-science",
        "series": None,
        "authors": ["Beatriz Albuquerque"],
        "translator": "Daniel Marcus",
        "source": "folha-de-s-paulo",
        "original_headline": "Cientistas mapeiam cada árvore da Mata Atlântica",
        "original_language": "pt",
        "image": {
            "palette": ("#d8f3dc", "#1b4332"),
        },
        "tags": ["Brazil", "Forests", "Science", "Biodiversity"],
        "featured": False,
        "hours_ago": 140,
    },
    {
        "headline": "CERN's Neighbours Learn To Live With The Universe Next Door",
        "slug": "cern-neighbours-universe-next-door",
        "dek": "A proposed new collider three times the size of the current one would run under dozens of French and Swiss villages. Residents want to know what they get, and what they lose.",
        "body": """
<p>In the village of Ferney-Voltaire, a few minutes from the Geneva border, the bakery sells croissants to physicists from forty countries. Children of researchers fill the international school. For seventy years, CERN, the European laboratory for particle physics, has shaped this corner of France and Switzerland, mostly in ways its neighbours have welcomed.</p>
<p>Now the laboratory is studying its most ambitious project yet: the Future Circular Collider, a ring about 91 kilometres long that would be dug deep under the countryside, passing beneath Lake Geneva and dozens of communes in the Ain and Haute-Savoie departments and the canton of Geneva. If approved, construction would take decades and cost many billions of francs.</p>
<p>CERN has held public meetings in villages along the proposed route. Turnout has been high, and the questions pointed. Where will the excavated rock go? How many trucks will pass through the villages? What about the water table, the vineyards, the farmland needed for surface sites? "We are proud to be neighbours of CERN," said one farmer at a meeting in the Pays de Gex. "We would like to remain farmers too."</p>
<h2>The case for a bigger machine</h2>
<p>Physicists argue that the new collider is necessary to study the Higgs boson, discovered at CERN in 2012, in far greater detail, and to search for phenomena that might explain dark matter and other mysteries of the universe. Critics, including some scientists, question whether the cost is justified when the discoveries it might make are uncertain.</p>
<p>"Nobody knew what the web would become when it was invented here," says Sophie Delacroix, a CERN engineer who lives in a village on the proposed route. "Fundamental research always looks useless until it isn't. But I also understand my neighbours. They are asked to accept twenty years of construction for something they cannot see."</p>
<ul>
<li>The current Large Hadron Collider runs in a 27-kilometre tunnel.</li>
<li>The new ring would require around eight surface sites for access and equipment.</li>
<li>A final decision by CERN's member states is expected in the coming years.</li>
</ul>
<p>Local officials are negotiating. Mayors want guarantees on traffic, on the reuse of excavated material and on benefits for their communes, such as training programmes and support for local businesses. Environmental groups want a full assessment of the project's energy consumption.</p>
<p>In Ferney-Voltaire, the bakery's owner is optimistic. "When they built the last tunnel, everyone complained for five years, then everyone was happy," she says. "The physicists eat a lot of bread. Whatever they find down there, they will still need breakfast."</p>
""",
        "dateline": "Geneva",
        "country": "CH",
        "section": "tech-science",
        "series": None,
        "authors": ["Lucas Perrin", "Sophie Keller"],
        "translator": "Rachel Stern",
        "source": "le-temps",
        "original_headline": "Les voisins du CERN face au futur collisionneur",
        "original_language": "fr",
        "image": {
            "palette": ("#caf0f8", "#5a189a"),
        },
        "tags": ["Switzerland", "France", "Physics", "Science"],
        "featured": False,
        "hours_ago": 125,
    },
    {
        "headline": "Lisbon's Tascas Fight For Their Lunch Menu",
        "slug": "lisbon-tascas-fight-for-lunch-menu",
        "dek": "Cheap, family-run taverns have fed Lisbon's workers for generations. Rising rents and tourism are squeezing them out — and with them, the city's way of eating lunch.",
        "body": """
<p>At half past twelve, Tasca do Zé in the Alfama district has no free tables. Builders in dusty boots, office workers, two policemen and an elderly couple share the room with a handful of tourists who have found the place on a map app. The menu, written on a paper tablecloth taped to the wall, offers three dishes of the day: grilled sardines, bean stew with pork, and cod with chickpeas. Soup, main course, bread, a glass of wine and coffee cost less than a cocktail in the bars down the hill.</p>
<p>Lisbon's tascas, small family restaurants serving home cooking at fixed prices, are an institution. For decades they fed the city's working population at lunchtime. But many have closed in recent years, their buildings sold to investors or their rents multiplied as the historic centre filled with short-term rentals and tourist restaurants.</p>
<p>"My father opened this place in 1979," says Zé's son, Rui Marques, who runs the kitchen with his wife. "Then, everyone who ate here lived within five hundred metres. Now, half of the neighbours are suitcases. They come for three days, they do not eat lunch, they take brunch."</p>
<h2>A protected status</h2>
<p>The city has created a programme to protect "shops with history", offering some establishments protection against eviction and support for renovation. A few dozen restaurants have been listed. Owners say the programme helps but moves slowly and covers only a fraction of the places at risk.</p>
<p>Food writers have joined the campaign. Folha de S.Paulo, which covers Lisbon closely for its Brazilian readers, many of whom have moved to the city, describes the tasca as "the last public canteen of Portuguese life". Brazilian immigrants are now among the most loyal customers, and some have opened tascas of their own, adding feijoada to the Thursday menu.</p>
<ul>
<li>The prato do dia (dish of the day) is the heart of the tasca's menu.</li>
<li>Many tascas close on weekends, because their customers are weekday workers.</li>
<li>Prices have risen, but remain well below those of restaurants aimed at tourists.</li>
</ul>
<p>Tourism, Marques admits, is not only a threat. Visitors who find their way to his tables often become regulars for the length of their stay, and some send postcards. "A German couple has come every year for ten years," he says. "They eat the same dish every day. They say it is the only place in Lisbon where nobody tries to sell them anything."</p>
<p>At two o'clock, the builders leave for their afternoon shift and the room empties. Marques sits down at a corner table to eat his own lunch: the last sardines and a piece of bread. "As long as people come at noon, we cook," he says. "The day they stop coming, I will know the neighbourhood is gone."</p>
""",
        "dateline": "Lisbon",
        "country": "PT",
        "section": "food-travel",
        "series": None,
        "authors": ["Renato Siqueira", "Beatriz Albuquerque"],
        "translator": "Daniel Marcus",
        "source": "folha-de-s-paulo",
        "original_headline": "As tascas de Lisboa resistem ao turismo",
        "original_language": "pt",
        "image": {
            "palette": ("#ffcad4", "#3d405b"),
        },
        "tags": ["Portugal", "Food", "Tourism", "Cities"],
        "featured": False,
        "hours_ago": 48,
    },
    {
        "headline": "The Night Trains Are Back, And Europe Is Fighting Over Berths",
        "slug": "night-trains-are-back-europe",
        "dek": "Sleeper services between European capitals have returned after years of cuts. Tickets sell out in minutes, the carriages are old, and operators say demand is not the problem.",
        "body": """
<p>The night train from Vienna to Paris leaves in the early evening and arrives the next morning. In between, passengers eat dinner from paper bags, play cards in six-berth couchettes, and watch the lights of Munich and Strasbourg slide past in the dark. When it works, travellers say, it is the most civilised way to cross a continent. When it doesn't, there are delays of several hours and cancelled connections.</p>
<p>Night trains all but disappeared from Western Europe in the 2000s and 2010s, undercut by low-cost airlines and high-speed rail. Their comeback, driven by concern about flying's climate impact, has been one of the surprise travel stories of the decade. Austria's railway relaunched a network of sleeper routes, and smaller operators have tried to start services between Brussels, Berlin, Prague, Amsterdam and Barcelona.</p>
<p>Demand has not been the issue. Summer tickets on popular routes sell out months in advance. The problem is supply: there are not enough sleeping cars, and new ones take years to build. Operators also pay high track access charges in some countries and must negotiate timetables with several national railways, each with its own priorities.</p>
<h2>Tales from the couchette</h2>
<p>Die Welt sent a reporter on five night routes in a single week. The results were mixed: a spotless modern sleeper with a private shower between Hamburg and Vienna; a carriage from the 1980s with broken air conditioning on another route; a train that arrived on time but whose restaurant car had been replaced by a vending machine.</p>
<p>Passengers were remarkably forgiving. "I would rather arrive late with a good story than on time after a security queue," said Annika, a teacher from Stuttgart travelling with her two children. "The kids think it is a hotel on wheels. For them, it is the best part of the holiday."</p>
<blockquote><p>"Night trains are not nostalgia. They are infrastructure we let rot and must now rebuild," says a rail policy researcher in Berlin.</p></blockquote>
<p>The European Commission has promised to support cross-border rail, and several governments subsidise sleeper routes. Critics argue that the sums are small compared with subsidies granted to airports and airlines, and that aviation fuel remains untaxed on most international flights.</p>
<p>As dawn breaks over the Île-de-France, the train slows into the Gare de l'Est. Passengers stumble onto the platform with crumpled hair and coffee from the station kiosk. A young couple takes a selfie in front of the sleeping car. "We are already booking the trip back," one of them says. "If we can get a berth."</p>
""",
        "dateline": "Vienna",
        "country": "AT",
        "section": "food-travel",
        "series": None,
        "authors": ["Felix Brandt"],
        "translator": "Sophie Lindqvist",
        "source": "die-welt",
        "original_headline": "Die Nachtzüge sind zurück – und Europa kämpft um die Betten",
        "original_language": "de",
        "image": {
            "palette": ("#14213d", "#fca311"),
        },
        "tags": ["Europe", "Trains", "Travel", "Climate"],
        "featured": False,
        "hours_ago": 130,
    },
    {
        "headline": "Mexico City's Taco Stands Get A Michelin Star, And A Queue",
        "slug": "mexico-city-taco-stand-michelin-queue",
        "dek": "When an inspector's guide honoured a tiny street counter, the queue grew to two hours overnight. The taqueros say their prices and their regulars are not going anywhere.",
        "body": """
<p>The taco stand occupies a space not much larger than a parked car, in a side street of the Centro Histórico. Behind the counter, a man in a white apron slices pork from a vertical spit, catches the pieces in a tortilla, adds a sliver of pineapple with a flick of the knife and hands it over in a single movement. He has been doing this for thirty years. He does it about two thousand times a day.</p>
<p>When a famous restaurant guide included a few Mexico City taquerías in its first edition for the country, the news travelled across the world within hours. The next morning, the queue at several of the stands stretched around the block. Tourists from Seoul, Madrid and Chicago waited patiently beside office workers on their lunch break, phones held up to film the spit.</p>
<p>"We did not ask for anything," says the owner's daughter, Guadalupe, who runs the cash register. "An inspector came, ate, paid and left. Then they called. My father thought it was a joke from his cousin." The family has not raised its prices, she insists. "Our customers are taxi drivers and secretaries. If we raise prices, we lose them. The tourists come and go."</p>
<h2>Street food as haute cuisine</h2>
<p>El País, which has a large Mexican edition, asked chefs and critics whether such recognition helps or harms street food. Most welcomed it as overdue: Mexican cooking was inscribed on UNESCO's heritage list years ago, and the skill of a great taquero, they argue, rivals that of any chef in a tasting-menu restaurant.</p>
<p>Others worry about the side effects. Neighbours complain of crowds on narrow pavements. Some vendors fear that attention will invite inspections by city officials who have long tolerated informal stands. And food writers note that the guide highlighted a handful of places among tens of thousands of stands where the cooking is just as good.</p>
<ul>
<li>Tacos al pastor come from the spit-roasting technique brought by Lebanese immigrants.</li>
<li>Many of the best stands are open only at night or only at breakfast.</li>
<li>Prices at street stands remain a fraction of those at sit-down restaurants.</li>
</ul>
<p>Regulars have their own strategies. A bus driver named Octavio now comes at seven in the morning, before the tourists wake up. "I have eaten here since I was a boy," he says. "My father ate here. I do not need a star to tell me. But I am happy for them. They work hard."</p>
<p>At the end of the day, the spit is bare and the counter is scrubbed. Guadalupe counts the day's takings and laughs when asked about the future. "Maybe one day a second stand," she says. "But only if my father can still see both from the same corner."</p>
""",
        "dateline": "Mexico City",
        "country": "MX",
        "section": "food-travel",
        "series": None,
        "authors": ["Javier Osuna", "Valentina Roca"],
        "translator": "Daniel Marcus",
        "source": "el-pais",
        "original_headline": "La taquería con estrella y dos horas de fila",
        "original_language": "es",
        "image": {
            "palette": ("#ffbe0b", "#fb5607"),
        },
        "tags": ["Mexico", "Food", "Street Food", "Tourism"],
        "featured": False,
        "hours_ago": 205,
    },
    {
        "headline": "Kraków's Milk Bars Serve Communism's Cheapest Lunch To A New Crowd",
        "slug": "krakow-milk-bars-new-crowd",
        "dek": "Subsidised canteens born in the 1950s still serve pierogi and soup at low prices. Students, pensioners and food tourists now share their tables — and their future depends on a state grant.",
        "body": """
<p>The menu board at the Bar Mleczny on Grodzka Street has not changed much in decades: barszcz, żurek, potato pancakes, pierogi with cheese or cabbage, a cutlet with beetroot salad. Prices are listed to the grosz. At the counter, a cook in a white cap ladles soup into thick ceramic bowls, and customers carry their trays to long tables where nobody minds sharing.</p>
<p>Milk bars, or bary mleczne, were created to provide cheap, filling meals, mostly dairy and flour-based dishes, for workers. Under communism they became ubiquitous. After 1989 many closed, but those that survived have found a new life, thanks to a state subsidy that keeps prices low for dishes without meat and to a clientele that spans generations.</p>
<p>"In the morning we have pensioners, at noon students and office workers, in the afternoon tourists who saw us in a guidebook," says the manager, Elżbieta Nowak, who has worked here for twenty-six years. "The pensioners complain that the tourists take photos of their food. The tourists ask what żurek is. Everybody eats the same thing."</p>
<h2>A subsidy under review</h2>
<p>The subsidy has been debated repeatedly. Critics argue it distorts competition with private restaurants and benefits tourists as much as the poor. Supporters counter that milk bars are among the few places in Polish city centres where a pensioner on a small income can eat a hot meal with dignity.</p>
<p>The rules are strict and sometimes absurd. For years, inspectors argued over which ingredients qualified: could a dish include a little bacon fat? Could pierogi be served with fried onions? Milk bar owners learned to keep precise records of every ingredient. "We are the most audited kitchen in Kraków," Nowak says.</p>
<blockquote><p>"The milk bar is the last place where the professor and the plumber sit at the same table," writes the historian Marta Sienkiewicz in Gazeta Wyborcza.</p></blockquote>
<p>Young Poles have rediscovered the milk bars with some irony and a lot of affection. Instagram accounts rate them by the quality of their pierogi; some younger chefs have opened restaurants inspired by their menus, at several times the price. A few old milk bars have been renovated in a retro style that pensioners find amusing.</p>
<p>At closing time, Nowak wipes down the tables and switches off the soup kettles. Tomorrow, deliveries of flour and cabbage arrive at six. "People say we are a museum," she says. "A museum does not serve four hundred lunches a day."</p>
""",
        "dateline": "Kraków",
        "country": "PL",
        "section": "food-travel",
        "series": None,
        "authors": ["Agnieszka Kowal", "Tomasz Wierzbicki"],
        "translator": "Sophie Lindqvist",
        "source": "gazeta-wyborcza",
        "original_headline": "Bary mleczne karmią nowe pokolenie",
        "original_language": "pl",
        "image": {
            "palette": ("#f1faee", "#9d0208"),
        },
        "tags": ["Poland", "Food", "History", "Cities"],
        "featured": False,
        "hours_ago": 150,
        "is_free": True,
    },
]

"""Demo stories for the World and Geopolitics sections."""

STORIES = [
    {
        "headline": "In Marseille, The Last Fishermen Of The Old Port Sell To Tourists",
        "slug": "marseille-last-fishermen-old-port",
        "dek": "Every morning a handful of boats still unload their catch on the quay of the Vieux-Port. The fish is fresher than ever; the fishermen are older than ever, and there is nobody to take over.",
        "body": """
<p>At six in the morning, before the cruise passengers come down from their ships, the fish market on the Quai des Belges is still a place for people who cook. Women in quilted jackets point at red mullet and scorpionfish; a restaurant owner argues over the price of a crate of sea bream. Behind the trestle tables, a dozen small wooden boats rock in the oily water of the Vieux-Port.</p>
<p>Joseph Amoretti has been selling here for 41 years. His father sold here before him, and his grandfather before that. He is 67, and he does not know who will sell here after him. "My son is an engineer in Lyon," he says, wiping his hands on a towel. "He comes in August. He likes to eat the fish. He does not like to get up at three."</p>
<p>The city counts fewer than twenty professional fishermen still landing their catch in the Old Port, against more than a hundred in the 1980s. Fuel costs have doubled in a decade, the quotas negotiated in Brussels leave little room for small boats, and the Mediterranean itself is giving less: warmer water has pushed some species north and brought others, such as the invasive blue crab, that nobody here knows how to sell.</p>
<h2>A postcard that needs its fishermen</h2>
<p>Paradoxically, the market has never been more photographed. Marseille's tourist office puts it on the cover of its brochures, and the city spent millions redesigning the quay, with a mirrored canopy designed by a celebrated architect where visitors take selfies upside down. "We are the decor," says Chantal Reynaud, who sells octopus and sea urchins with her husband. "People film us like animals at the zoo. Sometimes they buy a fish to take a picture with it, and then they ask us to keep it."</p>
<p>Town hall says it wants the market to survive and has promised reduced mooring fees for young fishermen who settle in the port. So far, two have applied. One of them, 29-year-old Karim Belkacem, left a job in logistics to buy a secondhand boat. He sells half his catch on the quay and half directly to three restaurants in the Panier neighborhood. "It works if you don't count your hours," he says. "And if your boat doesn't break down."</p>
<blockquote><p>"The day there are no more fishermen on this quay, Marseille will have lost the reason it was founded here," says the historian Mireille Castagno.</p></blockquote>
<p>The Greeks who founded Massalia 2,600 years ago chose this deep inlet because it sheltered boats. For Castagno, who has written a history of the port's trades, the fish market is the oldest continuous commercial activity in France. "It has survived plagues, wars and the bombing of 1943," she says. "It would be absurd if it disappeared because of diesel prices and Instagram."</p>
<p>By ten o'clock, Amoretti has sold almost everything. What remains, a few small rockfish, will go into the soup he makes for lunch. He hoses down his table and looks at the crowd arriving from the metro. "They want the real Marseille," he says. "The real Marseille gets up early."</p>
""",
        "dateline": "Marseille",
        "country": "FR",
        "section": "world",
        "series": None,
        "authors": ["Clémence Arnaud"],
        "translator": "Rachel Stern",
        "source": "le-monde",
        "original_headline": "À Marseille, les derniers pêcheurs du Vieux-Port vendent aux touristes",
        "original_language": "fr",
        "image": {
            "palette": ("#f2c14e", "#1d4e89"),
        },
        "tags": ["France", "Fishing", "Tourism", "Mediterranean"],
        "featured": False,
        "hours_ago": 9,
    },
    {
        "headline": "Why Buenos Aires Is Running Out Of Coins",
        "slug": "why-buenos-aires-is-running-out-of-coins",
        "dek": "Bus drivers refuse bills, kiosks round up prices and a black market in small change has appeared. In Argentina, inflation has turned the humble coin into a curiosity.",
        "body": """
<p>Mariela Sosa keeps a jar of coins under the counter of her kiosk in the Almagro neighborhood. She does not use it to give change. She uses it to remember. "Look, a one-peso coin from 2015," she says, holding it up to the light. "With this you could buy a caramel. Today it would not buy you the paper the caramel is wrapped in."</p>
<p>Years of high inflation have made Argentina's coins almost worthless. The metal in some of them is worth more than their face value, and many people simply leave them at home. Shops round prices to the nearest hundred pesos, and customers rarely complain: nobody wants a pocket full of change that buys nothing.</p>
<p>The problem is that some things in Buenos Aires still work with coins. Parking meters in older neighborhoods, the washing machines in student residences, a few vending machines in hospital corridors. "We had to convert the machines to cards or close them," says Gustavo Ferrer, who manages laundries in Caballito. "For two years we were buying coins from a man who collected them from churches."</p>
<h2>An economy of round numbers</h2>
<p>Economists see the disappearance of small change as a symptom rather than a cause. "When a currency loses value quickly, the smallest units disappear first," explains Laura Benedetti, an economist at a Buenos Aires university. "It happened in Brazil in the early 1990s and in many other places. People stop thinking in cents and then in units; they think in thousands."</p>
<p>Prices on menus tell the story. A coffee and two croissants, the classic porteño breakfast, is now marked in thousands of pesos, and many cafés have taken to updating their chalkboards weekly rather than printing menus. Some have given up entirely and ask customers to check the price on a QR code, which the owner can change from his phone.</p>
<p>Digital payments have filled the gap. In two years, paying by phone has gone from a novelty to the default for many porteños, even at street stalls. The transfer apps offered by banks and fintech companies are now accepted by the man who sells flowers outside Recoleta cemetery and by the dog walkers of Palermo.</p>
<ul>
<li>Share of card and phone payments in small shops: from roughly a quarter to more than half in three years, according to a trade association.</li>
<li>Largest banknote in circulation: changed several times, with new denominations announced each year.</li>
<li>Coins still minted: only a few denominations, in small runs.</li>
</ul>
<p>For older Argentines, the change is unsettling. Raúl Méndez, 78, still pays his newspaper in cash and refuses to install a banking app. "They say it is modern," he says. "I say it is the fourth time in my life that money has stopped meaning anything. The first time, at least, we still had the coins to play with."</p>
""",
        "dateline": "Buenos Aires",
        "country": "AR",
        "section": "world",
        "series": None,
        "authors": ["Santiago Ledesma"],
        "translator": "Daniel Marcus",
        "source": "clarin",
        "original_headline": "Por qué Buenos Aires se está quedando sin monedas",
        "original_language": "es",
        "image": {
            "palette": ("#9ad1d4", "#c9a227"),
        },
        "tags": ["Argentina", "Inflation", "Money", "Buenos Aires"],
        "featured": False,
        "hours_ago": 30,
    },
    {
        "headline": "The Swiss Village That Voted To Pay People To Stay",
        "slug": "swiss-village-voted-to-pay-people-to-stay",
        "dek": "Facing an exodus of young families, an alpine commune in Valais offers cash to anyone who settles there for ten years. The results are mixed — and the debate has reached Bern.",
        "body": """
<p>The road to Albinen climbs in tight switchbacks above the Rhône valley, past larch forests and wooden granaries perched on stone stilts. The village has a church, a school with eleven pupils, a small shop and a view of the Bernese Alps that visitors photograph from the car park. What it does not have is enough people.</p>
<p>Some years ago, the 240 residents voted to offer money to new arrivals: a sum for each adult under 45 who takes up permanent residence and builds or renovates a home, and an additional amount for each child. The condition is simple and strict: stay ten years or pay it back. The idea made headlines around the world, and the town hall received thousands of emails, many from people who had not read past the headline.</p>
<p>"People wrote from India, from Mexico, from Nigeria, asking for a job and a house," recalls the municipal secretary, Nadia Bregy. "We had to explain that we are not giving away houses. We are helping people who already want to invest here. And you need a Swiss residence permit, which we cannot give."</p>
<h2>A handful of new families</h2>
<p>The scheme has brought a handful of families, enough to keep the school open for now. One of them, the Zurbriggens, moved from Basel with two small children. Thomas works remotely for an insurance company; Sara teaches part-time in Leukerbad, fifteen minutes away by bus. "The money helped us decide, but it was not the reason," Sara says. "The reason was that our children can walk to school alone."</p>
<p>Critics in the village point out that the subsidy mostly benefits people who could afford to move anyway. Older residents complain that their own grown children, who left for jobs in Sion or Lausanne, receive nothing if they return. "We pay strangers, and our sons pay rent in the city," says a retired farmer who asked not to be named.</p>
<blockquote><p>"The problem in the mountains is not money. It is work, schools and a doctor," says the geographer Pierre-Alain Crettaz.</p></blockquote>
<p>Across the Swiss Alps, dozens of communes face the same arithmetic: ageing residents, second homes that stay shuttered most of the year, and services that close one after another. A law limiting the share of holiday homes in each commune, approved by voters a decade ago, was meant to protect the landscape, but it also froze construction in some villages, pushing young locals to the valleys.</p>
<p>In Bern, several parliamentarians have proposed federal support for mountain communes that want to try Albinen's approach. Others argue that the money would be better spent on fast internet and public transport. In Albinen, the debate feels abstract. At the end of the school day, eleven children run out into the square, and the teacher counts them twice, as she always does.</p>
""",
        "dateline": "Albinen",
        "country": "CH",
        "section": "world",
        "series": None,
        "authors": ["Lucas Perrin", "Clémence Arnaud"],
        "translator": "Rachel Stern",
        "source": "le-temps",
        "original_headline": "Le village valaisan qui paie pour qu'on y reste",
        "original_language": "fr",
        "image": {
            "palette": ("#bde0fe", "#2d6a4f"),
        },
        "tags": ["Switzerland", "Alps", "Depopulation", "Housing"],
        "featured": False,
        "hours_ago": 75,
    },
    {
        "headline": "Johannesburg's Rooftop Schools Fill A Gap The State Left Open",
        "slug": "johannesburg-rooftop-schools",
        "dek": "In the inner city, where public classrooms are overcrowded, parents and former teachers have turned the tops of office towers into schools. They are unregulated, cheap, and full.",
        "body": """
<p>To get to Grade 4 at Ubuntu Academy, you take a lift to the 14th floor of a former insurance building in Marshalltown, then climb a staircase to the roof. There, under a steel canopy, thirty children sit at mismatched desks and copy sums from a whiteboard. Beyond the railing lies the grid of downtown Johannesburg, its towers half empty since the banks moved north to Sandton.</p>
<p>The school was started by Nomvula Dlamini, a retired teacher, and two parents who could not find places for their children in the nearby public schools. Today it has 180 pupils across seven grades. Fees are a fraction of what a private school in the suburbs would charge, and some families pay in kind: a father who is an electrician rewired the building's lighting.</p>
<p>"Government says every child has a place," Dlamini says. "Maybe on paper. But when you go to the school, they tell you the class has 60 already and to come back next year. Next year, your child is a year behind." Provincial education officials acknowledge a shortage of places in the inner city, where the population has grown faster than any school-building programme.</p>
<h2>Schools without a licence</h2>
<p>Dozens of similar schools operate across the city centre, in converted offices, above shops, in church halls. Most are not registered with the provincial department of education, which means they receive no subsidy and are not inspected. Some are excellent. Others, parents admit, are little more than childcare with a curriculum downloaded from the internet.</p>
<p>The department has tried, intermittently, to close unregistered schools, usually after a safety scare. Fire regulations are the most common issue: few of the converted buildings have the exits and alarms a school requires. At Ubuntu Academy, a volunteer has painted evacuation arrows on every staircase, and fire drills are held each term.</p>
<ul>
<li>Most rooftop and office schools serve children of migrants from Zimbabwe, Malawi and Mozambique, as well as South African families.</li>
<li>Classes are taught in English, with help in isiZulu, Shona and Chichewa.</li>
<li>Many operate on month-to-month leases with building owners who are happy to have a tenant.</li>
</ul>
<p>Education researchers are divided. Some see the schools as a sign of the state's failure; others as a form of civic resilience the state should support rather than fight. "Registration should be a path, not a wall," argues Thabo Mokoena, who studies low-fee private schools. "Help them meet the standard, then inspect them like anyone else."</p>
<p>On the roof, the bell, a handheld brass one, rings for break. The children rush to the railing to watch the minibus taxis in the street below. Dlamini does not worry about the height anymore, she says. "What worries me is the day the owner sells the building."</p>
""",
        "dateline": "Johannesburg",
        "country": "ZA",
        "section": "world",
        "series": None,
        "authors": ["Lerato Khumalo"],
        "translator": None,
        "source": "mail-guardian",
        "original_headline": "",
        "original_language": "en",
        "image": {
            "palette": ("#ffb703", "#023047"),
        },
        "tags": ["South Africa", "Education", "Cities"],
        "featured": False,
        "hours_ago": 140,
    },
    {
        "headline": "Along The Dnipro, Farmers Plough Around The War",
        "slug": "along-the-dnipro-farmers-plough-around-the-war",
        "dek": "Ukrainian grain growers near the front line work fields that must first be cleared of mines. Their harvests matter far beyond the country's borders.",
        "body": """
<p>Before Oleksandr Tkachenko sows a single row of sunflowers, a team of deminers walks his field in a line, metal detectors sweeping the black earth. It takes them two weeks to clear twenty hectares. Tkachenko farms eight hundred. "We do the safe parts first," he says, pointing at a strip of land marked off with red tape. "The rest waits. The rest may wait for years."</p>
<p>His farm lies in the Dnipropetrovsk region, within range of artillery on some days. Last autumn a shell landed in his machinery yard and destroyed a combine harvester he was still paying for. He has rebuilt the shed with his own hands and bought a secondhand machine from a farmer in Poland. "Everything in agriculture is a bet," he says. "Now the bet has more zeros."</p>
<p>Ukraine remains one of the world's largest exporters of grain and sunflower oil, and the country's farms have kept producing through the war, even as the area under cultivation has shrunk. Agronomists estimate that a significant share of farmland in the south and east is contaminated by mines or unexploded ordnance, a problem that could take decades to solve fully.</p>
<h2>Insurance, loans and luck</h2>
<p>Farmers near the front struggle to find insurance or credit. Banks are wary of lending against land that could be shelled; international insurers mostly refuse to cover war risk. A state programme offers partial compensation for demining costs, and several foreign donors fund clearance teams, but the queue is long.</p>
<p>Logistics are the other headache. With shipping in the Black Sea constantly disrupted, grain travels by road and rail to the Danube ports or to the Polish border, where it has at times provoked protests from farmers who fear competition. Every extra kilometre eats into margins already thin. "We sell at a price set in Chicago and pay costs set by the war," says Iryna Bondar, who advises a farmers' association in Kryvyi Rih.</p>
<blockquote><p>"The field is the only place where I feel I am still deciding something," says Tkachenko.</p></blockquote>
<p>Many of his workers have been mobilised. Those who remain are older, and some of the tractor drivers are women who learned to drive heavy machinery in the last two years. Halyna, 52, who used to run the farm's canteen, now spends her days in the cab of a tractor. She laughs when asked if it was hard to learn. "Harder was learning to sleep through the sirens."</p>
<p>In the evening, the deminers load their equipment into a van. They have found two anti-tank mines today, now marked with small flags to be destroyed tomorrow. Tkachenko walks to the edge of the cleared strip and crumbles a clod of earth in his hand. "It is good soil," he says. "It has always been good soil. That is the whole problem with this place."</p>
""",
        "dateline": "Dnipropetrovsk region",
        "country": "UA",
        "section": "geopolitics",
        "series": None,
        "authors": ["Oksana Hrytsenko"],
        "translator": "Sophie Lindqvist",
        "source": "kyiv-post",
        "original_headline": "Уздовж Дніпра фермери орють в обхід війни",
        "original_language": "uk",
        "image": {
            "palette": ("#a8dadc", "#5c4033"),
        },
        "tags": ["Ukraine", "War", "Agriculture", "Food Security"],
        "featured": True,
        "hours_ago": 14,
    },
    {
        "headline": "Poland's Eastern Border Towns Learn To Live Beside A Wall",
        "slug": "poland-eastern-border-towns-live-beside-a-wall",
        "dek": "A steel barrier now runs through the Białowieża forest. For the villages in its shadow, it has brought soldiers, checkpoints and questions nobody in Warsaw seems to want to answer.",
        "body": """
<p>In Białowieża, the village at the heart of Europe's last primeval lowland forest, the souvenir shops still sell wooden bison and postcards of ancient oaks. But the tourists are fewer, and on the road out of the village, military trucks outnumber cars. A few kilometres east, a five-metre steel fence topped with razor wire cuts through the trees along the border with Belarus.</p>
<p>The barrier was built to stop migrants whom Polish authorities say are being pushed across the border by the Belarusian government. For the people who live nearby, it has changed the rhythm of daily life. Patrols pass through villages day and night. A temporary exclusion zone closed parts of the forest to visitors for months. Hotels that lived on birdwatchers and hikers have seen bookings fall.</p>
<p>"We are used to the border," says Halina Nowicka, who runs a guesthouse with her husband. "My grandmother had family on the other side. For us it was always a line on a map that you could not cross easily. Now it is a line you can see from the kitchen window."</p>
<h2>Help at night</h2>
<p>Some residents have quietly become part of a network that brings food, dry clothes and medical help to people found in the forest. Activists say dozens have died in the woods and marshes on both sides since the crisis began, from cold, exhaustion or drowning. Helping is legal, but many volunteers say they have been stopped, questioned or followed.</p>
<p>Marta Sielska, a pharmacist in Hajnówka, keeps a backpack by her door with thermal blankets and painkillers. "When your phone rings at two in the morning and someone sends a location pin, you go," she says. "Afterwards you go to work and sell cough syrup to the policemen who were on patrol."</p>
<ul>
<li>The barrier stretches for more than 180 kilometres along the land border with Belarus.</li>
<li>Scientists have warned that it blocks the movement of bison, lynx and wolves.</li>
<li>Local businesses have received compensation for the period of the exclusion zone, though many say it was too little.</li>
</ul>
<p>Biologists from the national park worry about the forest itself. The fence divides animal populations that have moved freely for centuries, and construction crews cut new roads into protected areas. "A wall does not only stop people," says the ecologist Piotr Wasilewski. "It stops everything that walks."</p>
<p>Opinion in the region is divided. Many residents support the barrier and say they feel safer. Others feel that their corner of Poland has become a frontier that the rest of the country prefers not to look at. In the village shop, an old man buying bread shrugs. "In my life this border has been Polish, Soviet, Polish again," he says. "Walls come and go. The forest stays."</p>
""",
        "dateline": "Białowieża",
        "country": "PL",
        "section": "geopolitics",
        "series": None,
        "authors": ["Tomasz Wierzbicki", "Agnieszka Kowal"],
        "translator": "Sophie Lindqvist",
        "source": "gazeta-wyborcza",
        "original_headline": "Przygraniczne wsie uczą się żyć obok muru",
        "original_language": "pl",
        "image": {
            "palette": ("#cad2c5", "#354f52"),
        },
        "tags": ["Poland", "Belarus", "Migration", "Borders"],
        "featured": False,
        "hours_ago": 52,
    },
    {
        "headline": "Japan Rethinks Its Pacifism, One Shipyard At A Time",
        "slug": "japan-rethinks-its-pacifism-one-shipyard-at-a-time",
        "dek": "In Nagasaki, where the ships of the imperial navy were once built, workers are busy again. A defence budget that keeps growing is changing a country that swore off war.",
        "body": """
<p>The cranes above Nagasaki harbour can be seen from the Peace Park, where every August the city remembers the atomic bomb that destroyed it in 1945. The contrast is not lost on anyone here. Down at the shipyard, workers in blue overalls are fitting out a new naval vessel, part of the largest expansion of Japan's armed forces since the Second World War.</p>
<p>For decades, Japan kept its defence spending at around one percent of its economy, a limit that reflected both its pacifist constitution and public opinion. The government has committed to doubling that share within a few years, citing the rise of China's navy, North Korea's missile tests and the war in Ukraine. Polls show that most Japanese now accept the increase, though many are uneasy about how it will be paid for.</p>
<p>In Nagasaki, the change is visible in the job advertisements. Subcontractors that supply pipes, cables and electronics to the shipyard are hiring for the first time in years. "For a long time, young people left the city for Fukuoka or Tokyo," says Kenji Moriyama, who runs a welding company with forty employees. "Now some of them come back because there is work."</p>
<h2>"We build ships, not wars"</h2>
<p>Not everyone welcomes the boom. At a small café near the Urakami Cathedral, a group of hibakusha — survivors of the bombing — and their children meet once a month. Most are in their eighties or nineties now. "When I see the new ships, I feel my stomach tighten," says Sumiko Hayashi, who was four years old in 1945. "We were told: never again. I want to believe the people who build them remember that."</p>
<p>Workers at the yard tend to see their jobs differently. "We build ships, not wars," says Takuya, a 31-year-old electrician who asked that his family name not be used. "If the country is safer because the ships exist, then they are never used. That is the best outcome." He adds that his grandfather worked at the same yard during the war, building warships for the imperial navy.</p>
<blockquote><p>"The question is not whether Japan should defend itself, but whether it can do so without forgetting why it chose peace," writes the Asahi Shimbun in an editorial.</p></blockquote>
<p>The debate in Tokyo is increasingly about money. Financing the defence build-up will require either higher taxes or more borrowing in a country that already has the highest public debt among rich nations. Proposals to raise corporate and tobacco taxes have been repeatedly postponed.</p>
<p>At the shipyard gate, the evening shift change brings a stream of bicycles and scooters. Across the water, the lights of the Peace Park come on. Moriyama says he thinks about the two places often. "My company makes good welds," he says. "What the ship does with them is a question for the people we vote for."</p>
""",
        "dateline": "Nagasaki",
        "country": "JP",
        "section": "geopolitics",
        "series": None,
        "authors": ["Yuki Sakamoto"],
        "translator": "Daniel Marcus",
        "source": "asahi-shimbun",
        "original_headline": "平和主義を問い直す日本、造船所から",
        "original_language": "ja",
        "image": {
            "palette": ("#e0fbfc", "#3d5a80"),
        },
        "tags": ["Japan", "Defense", "China", "Shipbuilding"],
        "featured": False,
        "hours_ago": 98,
    },
    {
        "headline": "The Quiet Diplomacy Of Brazil's Amazon Ambassadors",
        "slug": "quiet-diplomacy-brazil-amazon-ambassadors",
        "dek": "Brazil wants to lead the world on tropical forests. Its most effective envoys may be the scientists and Indigenous leaders who travel the climate circuit with their own messages.",
        "body": """
<p>When foreign delegations visit Manaus, they usually meet a governor, a minister and a general. Increasingly, they also meet Raimunda Tikuna, who leads an association of Indigenous women from the upper Solimões river. She arrives at these meetings with a folder of maps, satellite images and photographs of illegal gold dredges, and she rarely lets an ambassador leave without a copy.</p>
<p>Brazil has made the Amazon the centre of its foreign policy. The government has pushed for a global fund that would pay tropical countries to keep their forests standing, and it has courted European and Asian investors with promises of "bioeconomy" projects: açaí, cocoa, medicinal plants and carbon credits. Deforestation rates have fallen from their recent peaks, a result the government advertises at every summit.</p>
<p>But diplomats privately admit that credibility is the real currency. "Everyone has heard promises about the Amazon," says a European envoy posted in Brasília. "What convinces us is when the people who live there say the same thing as the ministers." That is not always the case. Indigenous groups have criticised oil exploration plans at the mouth of the Amazon and the paving of a highway through the forest.</p>
<h2>Science as a passport</h2>
<p>Brazilian scientists have become another channel. Researchers from the National Institute for Amazonian Research travel to conferences in Bonn, Nairobi and Jakarta, sharing data on how the forest's ability to absorb carbon is weakening in the south-east, where logging and fires have degraded it most. Their measurements have been quoted in negotiations far from Brazil.</p>
<p>"We do not represent the government," insists the ecologist Paulo Azevedo, who has spent twenty years measuring the flux of carbon above the canopy from a steel tower north of Manaus. "We represent the forest's numbers. Sometimes the numbers help the government, sometimes they embarrass it."</p>
<ul>
<li>The Amazon basin spans nine countries; Brazil holds around 60 percent of it.</li>
<li>Recent studies suggest parts of the south-eastern Amazon now emit more carbon than they absorb.</li>
<li>Indigenous territories show consistently lower deforestation rates than surrounding land.</li>
</ul>
<p>Tikuna says she learned diplomacy the hard way. Her first trip abroad, to a climate conference in Europe, left her frustrated: she was given five minutes on a panel at the end of the day, after everyone had gone to dinner. Now she asks for bilateral meetings and brings younger women from her association to speak. "They listen to me because I am old," she says. "They must learn to listen to the young ones too."</p>
<p>Back in Manaus, between two delegations, she scrolls through messages from her community upriver. A dredge has been spotted again near a village. She forwards the coordinates to a federal police officer and to a journalist. "That is also diplomacy," she says. "You talk to everyone. You make sure someone is watching."</p>
""",
        "dateline": "Manaus",
        "country": "BR",
        "section": "geopolitics",
        "series": None,
        "authors": ["Beatriz Albuquerque", "Renato Siqueira"],
        "translator": "Daniel Marcus",
        "source": "folha-de-s-paulo",
        "original_headline": "A diplomacia silenciosa dos embaixadores da Amazônia",
        "original_language": "pt",
        "image": {
            "palette": ("#caffbf", "#386641"),
        },
        "tags": ["Brazil", "Amazon", "Climate", "Diplomacy", "Indigenous Peoples"],
        "featured": False,
        "hours_ago": 190,
    },
    {
        "headline": "China's Neighbours Build A Web Of Ties It Does Not Control",
        "slug": "china-neighbours-build-web-of-ties",
        "dek": "From Hanoi to Manila, Southeast Asian governments are signing defence, trade and energy deals with each other. It is less an alliance than an insurance policy.",
        "body": """
<p>The agreements rarely make the front page. A coast guard training programme between Vietnam and the Philippines. A joint exercise between Indonesian and Australian marines. A deal for Japanese patrol boats in Malaysia. Taken one by one, they are technical. Taken together, analysts in Beijing argue, they form a pattern: China's neighbours are quietly knitting themselves together.</p>
<p>The Chinese business magazine Caixin devoted a long analysis to the phenomenon, noting that trade between Southeast Asian countries and China keeps growing even as security ties between those same countries and other powers deepen. "The region wants Chinese money and Chinese customers," the magazine writes. "It does not want to depend on China for its security."</p>
<p>The disputes in the South China Sea are the main driver. Confrontations between Chinese vessels and Philippine or Vietnamese boats near contested reefs have become more frequent, and each one is filmed and shared within hours. Fishermen from both countries complain of being chased away from traditional fishing grounds.</p>
<h2>Hedging, not choosing</h2>
<p>Diplomats in the region insist they are not choosing sides. "We do not want a new Cold War," a senior Indonesian official said at a recent regional forum. "We want many friends and no masters." Indonesia, the largest economy in the region, has deepened ties with the United States, Japan and Australia while remaining China's partner in nickel mining and high-speed rail.</p>
<p>Chinese scholars quoted by Caixin offer different readings. Some see the networks as a predictable reaction that Beijing could ease by softening its stance at sea. Others view them as the result of encouragement from Washington and Tokyo. "Small countries will always look for balance," says a researcher at a Shanghai university. "The question is whether we make balancing more or less necessary."</p>
<blockquote><p>"Geography is not a choice. You cannot move your country away from China. You can only decide how many doors you keep open," says a former Vietnamese diplomat.</p></blockquote>
<p>Economics complicates every calculation. Chinese companies are building factories across Southeast Asia, partly to avoid tariffs on goods sold to the West. Vietnam's electronics exports depend on components from southern China. Cambodia and Laos rely heavily on Chinese loans for ports, roads and railways.</p>
<p>For now, the web holds. The agreements are modest, the exercises small, the language careful. But as one Manila-based analyst put it, insurance policies are designed for the day something goes wrong. "Nobody buys fire insurance because they expect a fire," she says. "They buy it because they have seen the smoke."</p>
""",
        "dateline": "Beijing",
        "country": "CN",
        "section": "geopolitics",
        "series": None,
        "authors": ["Lin Qiaoyu"],
        "translator": "Daniel Marcus",
        "source": "caixin",
        "original_headline": "东南亚国家编织一张中国无法掌控的关系网",
        "original_language": "zh",
        "image": {
            "palette": ("#ffafcc", "#264653"),
        },
        "tags": ["China", "South China Sea", "Philippines", "Vietnam", "Diplomacy"],
        "featured": False,
        "hours_ago": 260,
    },
]

"""Demo stories for the Economy and Society sections."""

STORIES = [
    {
        "headline": "Germany's Bakeries Are Closing, And Not Because Of Bread",
        "slug": "germany-bakeries-closing-not-because-of-bread",
        "dek": "Energy bills, a shortage of apprentices and supermarket ovens are killing the family bakery, an institution Germans thought would last forever.",
        "body": """
<p>The sign on the door of the Bäckerei Hofmann in Kassel is handwritten: "After 112 years, we are closing. Thank you for your loyalty." On the last Saturday, the queue stretched down the street. Customers bought the last loaves of dark rye, the last poppy-seed rolls, and some of them cried. Gerd Hofmann, the fourth generation to run the shop, gave away the remaining pretzels at noon.</p>
<p>Germany has one of the richest bread cultures in the world, with thousands of registered varieties. Yet the number of independent bakeries has fallen by roughly half in two decades, according to the bakers' trade association. Every week, dozens of family businesses close, while supermarket chains and discount stores expand their in-store ovens that bake frozen dough shipped from industrial plants.</p>
<p>Hofmann lists the reasons without bitterness. Electricity and gas bills that tripled during the energy crisis and never fully came down. Flour prices that jumped with the war in Ukraine. And above all, nobody to hire. "A baker starts at two or three in the morning," he says. "Young people want weekends. I understand them. I wanted weekends too."</p>
<h2>No apprentices, no future</h2>
<p>The shortage of apprentices is the most worrying figure for the trade. Germany's famous dual training system, which combines classroom learning with work in a company, still produces skilled bakers, but in far smaller numbers than before. Many training places remain unfilled each autumn. Some bakeries have recruited apprentices from Vietnam, India or Morocco, with programmes that include German language courses.</p>
<p>In a large bakery on the outskirts of Munich, three young men from Hanoi are learning to braid challah-style loaves for the Sunday market. "In Vietnam I studied hospitality," says Nguyen Van Duc, 22. "Here, I learn a craft. In three years I will be a Geselle, a journeyman. Maybe one day I open my own shop." His employer says the foreign apprentices have saved his business.</p>
<ul>
<li>Number of craft bakeries in Germany: about half the level of the early 2000s.</li>
<li>Share of bread bought in supermarkets and discounters: more than half, and rising.</li>
<li>Typical start of a baker's shift: between 2 and 4 a.m.</li>
</ul>
<p>Some bakers have found a niche by going upmarket: sourdough, ancient grains, cafés with long opening hours. In Berlin and Hamburg, "artisan" bakeries charge prices that would have seemed absurd a decade ago and sell out by lunchtime. But that model works in rich urban neighbourhoods, not in small towns where the local bakery was also the meeting place.</p>
<p>In Kassel, the Hofmann shop will become a mobile phone store. The ovens, which weigh several tonnes, will be dismantled and sold for scrap. Gerd Hofmann has kept one thing: his grandfather's sourdough starter, which he feeds every morning in his kitchen at home. "It is 80 years old," he says. "It is the only employee I could not let go."</p>
""",
        "dateline": "Kassel",
        "country": "DE",
        "section": "economy",
        "series": None,
        "authors": ["Hanna Wolter"],
        "translator": "Sophie Lindqvist",
        "source": "die-welt",
        "original_headline": "Deutschlands Bäckereien sterben – und das liegt nicht am Brot",
        "original_language": "de",
        "image": {
            "palette": ("#f4d8a8", "#7f4f24"),
        },
        "tags": ["Germany", "Small Business", "Energy", "Labor"],
        "featured": False,
        "hours_ago": 32,
    },
    {
        "headline": "Spain's Olive Oil Boom Has A Water Problem",
        "slug": "spain-olive-oil-boom-water-problem",
        "dek": "Intensive groves have made Andalusia the world's olive oil powerhouse. Drought has exposed how much that success depends on water the region no longer has.",
        "body": """
<p>From the hilltop town of Baeza, the olive trees of Jaén province stretch to the horizon in perfect rows, sixty million of them by local count. For centuries they were grown on dry land, watered only by rain. Over the past thirty years, more and more have been irrigated, drip lines running along every row, and planted closer together in hedges that machines can harvest in hours.</p>
<p>The transformation made Spain by far the world's largest producer of olive oil, responsible for close to half of global output in a normal year. Then came the drought. Two consecutive dry years cut the harvest roughly in half, prices on supermarket shelves across Europe doubled, and thieves began stealing bottles from shops and olives from trees.</p>
<p>"We have been farming as if the water was infinite," says Antonio Cobo, who grows olives on 40 hectares near Úbeda and chairs a local cooperative. "My grandfather had olive trees that gave a little every year, rain or not. I have trees that give a lot if I water them and almost nothing if I cannot."</p>
<h2>Aquifers under pressure</h2>
<p>Hydrologists warn that several aquifers in Andalusia are being pumped faster than they refill, a problem worsened by illegal wells. The Guadalquivir river basin authority has cut water allocations to farmers in dry years, prompting protests from growers who have borrowed to plant intensive groves.</p>
<p>The debate has split the sector. Traditional growers, whose older groves on steep slopes are less productive, argue that the new super-intensive plantations capture subsidies and water while flooding the market. Investors in the new groves, including pension funds and family offices from Madrid and abroad, counter that their systems use water more efficiently per litre of oil produced.</p>
<blockquote><p>"The olive tree is a Mediterranean survivor. It was never meant to be a thirsty crop," says the agronomist Elena Martos of the University of Jaén.</p></blockquote>
<p>Researchers are testing varieties that tolerate drought better and techniques such as "deficit irrigation", which gives trees just enough water at critical moments. Some cooperatives now pay a premium for oil from dry-farmed groves, which they market to consumers in Germany and Scandinavia willing to pay more for a sustainability label.</p>
<p>This year the rains returned, at least partly, and the harvest is expected to recover. Prices have begun to fall. But in Baeza, few growers believe the problem is behind them. "One good year does not fill an aquifer," Cobo says. "It just makes people forget."</p>
""",
        "dateline": "Jaén",
        "country": "ES",
        "section": "economy",
        "series": None,
        "authors": ["Lucía Ferrández", "Javier Osuna"],
        "translator": "Daniel Marcus",
        "source": "el-pais",
        "original_headline": "El auge del aceite de oliva choca con la falta de agua",
        "original_language": "es",
        "image": {
            "palette": ("#fefae0", "#606c38"),
        },
        "tags": ["Spain", "Agriculture", "Drought", "Water", "Olive Oil"],
        "featured": False,
        "hours_ago": 44,
    },
    {
        "headline": "How Shenzhen's Electronics Market Reinvented Itself",
        "slug": "how-shenzhen-electronics-market-reinvented-itself",
        "dek": "Huaqiangbei was once the world's bazaar of cheap phones and knock-offs. Today its stallholders sell components for drones, robots and electric cars to customers they will never meet.",
        "body": """
<p>Ten years ago, the corridors of Huaqiangbei were so crowded that you moved sideways. Traders shouted prices for phone screens, chargers and batteries; buyers from Lagos, Dubai and Moscow filled suitcases with gadgets that would be resold at home. Many of the phones were copies of famous brands, some were simply unbranded, and everyone knew the difference.</p>
<p>The market in Shenzhen is quieter now, but not emptier. Fewer tourists come to gawk, and fewer foreign traders walk the floors, because most of the business has moved online. What has changed most is what is sold. Stalls that once offered phone cases now display motor controllers, lidar sensors, battery management boards and the tiny brushless motors used in drones.</p>
<p>"Phones are finished for us," says Chen Weiming, who has rented the same three square metres on the fourth floor of a mall for fifteen years. "The big brands control everything. But every young company that makes a robot or a scooter needs parts, and they need them tomorrow. That is what Shenzhen does better than anywhere."</p>
<h2>From copying to prototyping</h2>
<p>Economists who study the city describe an ecosystem that turned its skills at imitation into skills at iteration. A startup can walk in with a design on Monday, buy components on Tuesday, have a circuit board printed on Wednesday and a prototype by the weekend. Hardware founders from Europe and the United States still fly in to do exactly that.</p>
<p>The trade war has complicated the picture. Export controls on advanced chips, tariffs on Chinese goods and pressure on Western companies to move supply chains elsewhere have hurt some traders. Others have adapted by selling more to customers in Southeast Asia, the Middle East and Latin America, or to Chinese manufacturers that have themselves set up factories abroad.</p>
<ul>
<li>Huaqiangbei covers around a square kilometre of malls, towers and streets in central Shenzhen.</li>
<li>Many stalls now run live-streamed sales on Chinese e-commerce apps from their counters.</li>
<li>Drone and robotics components are among the fastest-growing categories, traders say.</li>
</ul>
<p>Younger traders live on their phones. Zhou Lanlan, 27, sells camera modules and spends her afternoons live-streaming product demonstrations to buyers across China. "My parents sold to whoever walked past," she says. "I sell to people I will never see, in cities I have never visited. But I still need the stall. Customers trust you more if they know you have a counter here."</p>
<p>At closing time, porters wheel trolleys piled with boxes to the courier depots on the ground floor. Chen pulls down his metal shutter and checks his phone: forty-three orders since lunch. "People say Huaqiangbei is dying," he says. "They have been saying that for ten years. We just keep changing what we sell."</p>
""",
        "dateline": "Shenzhen",
        "country": "CN",
        "section": "economy",
        "series": None,
        "authors": ["Lin Qiaoyu", "Zhang Haoran"],
        "translator": "Daniel Marcus",
        "source": "caixin",
        "original_headline": "华强北的转型之路",
        "original_language": "zh",
        "image": {
            "palette": ("#00b4d8", "#03045e"),
        },
        "tags": ["China", "Electronics", "Manufacturing", "Trade"],
        "featured": False,
        "hours_ago": 120,
    },
    {
        "headline": "Italy's Pension Gamble: Keep Working, Or Let The Young Leave",
        "slug": "italy-pension-gamble",
        "dek": "With one of the oldest populations on earth, Italy spends more on pensions than almost any country. A new reform tries to keep older workers on the job — and the young at home.",
        "body": """
<p>At 64, Franca Bellini could retire. She has worked for 41 years, first as a seamstress in a textile factory near Prato, then as a school secretary. Instead, she has signed up for a government scheme that lets her keep working and receive a bonus in her pay packet. "I feel fine, and my pension would be small," she says. "And the school has nobody to replace me."</p>
<p>Italy's demographic arithmetic is stark. There are now far more people over 65 than under 15, and the country spends around 15 percent of its economic output on pensions, among the highest shares in the world. Each year, more Italians retire than enter the workforce, and tens of thousands of young graduates leave for jobs in Germany, Britain, the Netherlands or Switzerland.</p>
<p>The government's latest budget tries to pull on both ends. It offers incentives to workers who delay retirement and tax breaks for young Italians who return from abroad. It also tightens early retirement options that previous governments had opened, a move unions have called a betrayal.</p>
<h2>A generation that cannot leave home</h2>
<p>For Italians in their twenties and thirties, the pension debate sounds distant. Their problem is getting started. Average starting salaries have barely moved in twenty years, and temporary contracts are the norm. Many live with their parents well into their thirties, not out of choice but because rents in Milan, Rome or Bologna eat most of a young salary.</p>
<p>"My mother's generation had a permanent job at 25 and a pension at 58," says Davide Rinaldi, 31, a software developer who returned to Turin from Berlin last year. "I have a contract that is renewed every twelve months. I came back for my grandmother, and for the food. The tax break helps. But I know many friends who will never come back."</p>
<blockquote><p>"Italy is financing the retirement of one generation with the emigration of the next," writes the economist Marco Leonardi in Il Post.</p></blockquote>
<p>Economists broadly agree on the remedies, even if politicians shy away from them: bring more women into the workforce, where Italy lags far behind the European average; make it easier for immigrants to work legally; invest in childcare so that couples who want children can afford them. Each of these is politically sensitive, and each takes years to show results.</p>
<p>In Prato, Bellini's former factory now makes fast fashion with workers from China and Bangladesh. She passes it every morning on her way to the school. "When I started, everyone there was Tuscan," she says. "Now, without the foreigners, there would be no factory. That is the pension reform nobody talks about."</p>
""",
        "dateline": "Prato",
        "country": "IT",
        "section": "economy",
        "series": None,
        "authors": ["Matteo Ruggieri"],
        "translator": "Rachel Stern",
        "source": "il-post",
        "original_headline": "La scommessa delle pensioni: lavorare di più o lasciar partire i giovani",
        "original_language": "it",
        "image": {
            "palette": ("#ffd6a5", "#9c6644"),
        },
        "tags": ["Italy", "Pensions", "Demographics", "Youth"],
        "featured": False,
        "hours_ago": 215,
    },
    {
        "headline": "South Africa's Spaza Shops Are The Front Line Of Its Economy",
        "slug": "south-africa-spaza-shops-front-line",
        "dek": "Tiny township stores sell bread, airtime and paraffin by the unit. After a wave of food poisoning cases, they are now being asked to register — and many fear they will disappear.",
        "body": """
<p>Sibusiso Ndlovu's spaza shop in Soweto is a converted garage with a steel grille across the front. Through the bars, he sells a single cigarette, a loaf of bread, a sachet of washing powder, a packet of chicken stock cubes, a voucher for mobile data. Most transactions are under twenty rand. Few of his customers could afford to buy in bulk at a supermarket, and the nearest one is a taxi ride away.</p>
<p>South Africa has tens of thousands of such shops, and together they handle a large share of the grocery spending in townships and rural villages. They are, economists say, one of the country's most important informal industries, employing owners, family members and delivery drivers in places where formal jobs are scarce.</p>
<p>After a series of food poisoning incidents involving children, linked to pesticides found in products sold by some informal shops, the government ordered all spaza shops to register with their municipality and meet health standards. Queues formed outside municipal offices across the country. Thousands of applications were submitted in weeks.</p>
<h2>Paperwork as a barrier</h2>
<p>Shop owners say they support food safety but fear the process will push them out. Registration requires a zoning certificate, a health inspection and in some cases a business bank account. For foreign nationals, who run a large share of spaza shops, it also requires immigration papers that many do not have or cannot renew quickly.</p>
<p>"I am South African, and even for me it took three visits," Ndlovu says. "The official asked for a building plan of my garage. My grandfather built this garage in 1978. There is no plan." His application is still pending; he keeps trading while he waits, as the rules allow for now.</p>
<ul>
<li>Spaza shops sell in small quantities suited to daily incomes.</li>
<li>Many give informal credit to regular customers until the end of the month.</li>
<li>Wholesalers and large food brands depend on them to reach township consumers.</li>
</ul>
<p>Tensions between South African and foreign shop owners, which have flared into violence in the past, resurfaced in some areas as politicians blamed "foreign-owned" shops for the poisonings. Researchers and civil society groups warned against scapegoating and pointed out that the contaminated products came from supply chains that cross all communities.</p>
<p>The Mail &amp; Guardian spoke to a dozen owners in Soweto and Alexandra. Almost all said the same thing: inspect us, train us, but do not shut us down. "If the spaza closes, where does the grandmother buy one egg?" asks Ndlovu. "The supermarket does not sell one egg."</p>
""",
        "dateline": "Soweto",
        "country": "ZA",
        "section": "economy",
        "series": None,
        "authors": ["Lerato Khumalo", "Pieter van Wyk"],
        "translator": None,
        "source": "mail-guardian",
        "original_headline": "",
        "original_language": "en",
        "image": {
            "palette": ("#f4a261", "#2a9d8f"),
        },
        "tags": ["South Africa", "Small Business", "Food Safety", "Informal Economy"],
        "featured": False,
        "hours_ago": 330,
    },
    {
        "headline": "Poland's Grandmothers Go Back To School, On Their Phones",
        "slug": "poland-grandmothers-go-back-to-school",
        "dek": "Universities of the Third Age are booming across Poland. Retirees learn languages, coding and how to spot a scam — and they are more demanding students than teenagers.",
        "body": """
<p>On a Tuesday morning in Lublin, forty students file into a lecture hall at the Maria Curie-Skłodowska University. The youngest is 61, the oldest 89. They have come for a lecture on the history of the city's Jewish quarter, and they have questions. Many questions. The lecturer, a doctoral student in his twenties, runs half an hour over time.</p>
<p>Poland has hundreds of Universities of the Third Age, courses for retirees run by universities, libraries and associations, and their enrolment has grown strongly in recent years. The model, born in France in the 1970s, has found particularly fertile ground in a country where many of today's pensioners missed out on higher education under communism.</p>
<p>"I wanted to study literature in 1968, but my father said a girl should learn accounting," says Krystyna Zawadzka, 76, who now attends courses in Italian and art history. "I was an accountant for forty years. Now I read Dante with a dictionary. My granddaughter says I am cooler than her."</p>
<h2>Learning to spot a fraud</h2>
<p>The most popular classes are not always the academic ones. Courses on using smartphones, online banking and video calls fill up within hours. So do workshops on recognising scams, a pressing issue in a country where fraudsters posing as grandchildren or police officers have stolen savings from thousands of elderly people over the phone.</p>
<p>"The scammers are very professional," says Sgt. Monika Lis, a police officer who gives talks at the Lublin programme. "They call, they cry, they say: Grandma, I had an accident, I need money for a lawyer. We teach people to hang up and call the grandchild directly. It sounds simple. In panic, it is not."</p>
<blockquote><p>"Old age is not a waiting room. It is a room with a lot of time and, finally, nobody telling you what to study," says Zawadzka.</p></blockquote>
<p>Researchers who study ageing say the benefits go well beyond knowledge. Regular classes give structure to the week, and the friendships formed there help combat loneliness, which surveys show is a major problem among older Poles, especially widows in small towns whose children have emigrated.</p>
<p>After the lecture, a group of students heads to a café near the old town. They are planning a trip to Vilnius in the spring, organised by the university. One of them, a former engineer, has made a spreadsheet. Another has found cheap train tickets online. "Five years ago, I could not send an email," says Zawadzka. "Now I am the one who books the hotel."</p>
""",
        "dateline": "Lublin",
        "country": "PL",
        "section": "society",
        "series": None,
        "authors": ["Agnieszka Kowal"],
        "translator": "Sophie Lindqvist",
        "source": "gazeta-wyborcza",
        "original_headline": "Babcie wracają do szkoły – ze smartfonem",
        "original_language": "pl",
        "image": {
            "palette": ("#e9c46a", "#264653"),
        },
        "tags": ["Poland", "Education", "Ageing"],
        "featured": False,
        "hours_ago": 36,
    },
    {
        "headline": "In Tokyo, Renting A Friend Is No Longer A Punchline",
        "slug": "tokyo-renting-a-friend",
        "dek": "Agencies that supply companions for a wedding, a walk or a conversation have become a small industry in Japan. Their clients say they are buying time, not affection.",
        "body": """
<p>Akiko, 43, booked her first rental friend after her mother's funeral. She wanted someone to go with her to clear out the family apartment in Saitama, a task she could not face alone, and she did not want to ask her colleagues. The agency sent a woman in her fifties, a former nurse, who spent six hours sorting clothes and photographs with her. "She did not pretend to be my friend," Akiko says. "She was kind, and she was there. That was enough."</p>
<p>Agencies offering companionship for hire have existed in Japan for decades, initially to supply fake guests for weddings or stand-in relatives. Today their menus are broader: someone to eat lunch with, to walk in a park, to listen without judging, to cheer at a marathon. Prices start at a few thousand yen an hour. Agencies insist, firmly, that nothing romantic or sexual is on offer.</p>
<p>Sociologists link the trend to Japan's rising number of single-person households, now more than a third of the total. "People are not necessarily lonely in the sense of having no one," explains Professor Hiroshi Tanabe, who studies urban isolation. "They have acquaintances, colleagues, family far away. What they lack is someone with whom there is no obligation, no history, no debt."</p>
<h2>A minister for loneliness</h2>
<p>The government has taken the issue seriously enough to appoint a minister in charge of loneliness and isolation, and a national law encourages local authorities to create spaces where people can meet. Municipal cafés, community gardens and telephone lines for people who want to talk have multiplied.</p>
<p>Rental companions describe their work in practical terms. "I listen mostly," says Kenta, 35, an actor who does rental work between theatre jobs. "Many clients are men in their sixties, retired, who used to talk only at work. Now they have no one. They tell me about their company, the projects they ran in the 1980s. I ask questions. They are happy to be asked."</p>
<ul>
<li>Typical requests: shared meals, walks, attending events, help with errands.</li>
<li>Most agencies require clients to meet companions in public places.</li>
<li>Some agencies now offer online conversation sessions for people outside big cities.</li>
</ul>
<p>Critics worry that paid companionship substitutes for the public and family support that an ageing society should provide. Defenders reply that it fills a gap nobody else fills, and that paying for company is no stranger than paying a therapist or a yoga teacher.</p>
<p>Akiko still books her companion once a month. They go to a museum, or for a coffee near Ueno Park. She has recently started volunteering at a community café for older residents in her ward. "I realised I could be that person for someone else," she says. "Without the invoice."</p>
""",
        "dateline": "Tokyo",
        "country": "JP",
        "section": "society",
        "series": None,
        "authors": ["Yuki Sakamoto", "Mei Fujiwara"],
        "translator": "Daniel Marcus",
        "source": "asahi-shimbun",
        "original_headline": "「友達レンタル」はもう笑い話ではない",
        "original_language": "ja",
        "image": {
            "palette": ("#f6bd60", "#84a59d"),
        },
        "tags": ["Japan", "Loneliness", "Ageing", "Cities"],
        "featured": False,
        "hours_ago": 88,
    },
    {
        "headline": "São Paulo's Motorcycle Couriers Organise Against The Apps",
        "slug": "sao-paulo-motorcycle-couriers-organise",
        "dek": "They deliver the city's meals and medicines at breakneck speed. Now the motoboys of São Paulo are demanding minimum pay, insurance and somewhere to use the bathroom.",
        "body": """
<p>At the corner of Avenida Paulista and Rua Augusta, dozens of motorcycles idle in the afternoon rain, their riders in cheap plastic ponchos, insulated delivery boxes strapped behind them. They are waiting for the lunch rush to turn into the dinner rush, phones mounted on handlebars, refreshing the apps that will send them somewhere across a city of twelve million people.</p>
<p>São Paulo's motoboys are one of its most recognisable sights and one of its most dangerous jobs. Traffic accidents involving motorcycles kill hundreds of people in the city every year, many of them couriers working long hours to reach a daily target. "The app pays by delivery, so you ride fast," says Wellington Ferreira, 34, who has been a courier for twelve years. "If you ride slow, you do not pay rent."</p>
<p>In recent months, riders have staged a series of strikes, switching off their apps at peak hours and riding in slow convoys along the city's main avenues. Their demands include a minimum rate per kilometre, accident insurance paid by the platforms, and access to bathrooms and rest points, which many restaurants refuse them.</p>
<h2>Workers, partners or something else</h2>
<p>The legal status of delivery and ride-hailing workers has been debated in Brazil for years. Courts have issued contradictory rulings, and a bill to regulate platform work has stalled in Congress amid opposition from both the companies and some workers, who fear losing the flexibility to work for several apps at once.</p>
<p>The platforms say they already offer insurance for accidents during deliveries and that couriers earn above the minimum wage on average. Riders dispute the calculation, pointing out that it ignores fuel, maintenance and the hours spent waiting for orders. "They count the minutes I am riding," says Ferreira. "They do not count the two hours I sit on the kerb."</p>
<blockquote><p>"The city stops if we stop. They discovered that during the pandemic, and then they forgot," says Ferreira.</p></blockquote>
<p>Some riders have formed cooperatives that contract directly with restaurants and pharmacies, offering fixed prices and guaranteed hours. They remain small, but they have attracted the attention of municipal officials looking for alternatives. The city has opened a handful of support points with bathrooms, water and phone chargers.</p>
<p>The rain stops. Ferreira's phone buzzes: a pizza to deliver to Pinheiros, eight kilometres away, for a fee he considers too low. He accepts anyway. "Tomorrow there is another protest," he says, pulling on his helmet. "Today, I need the money."</p>
""",
        "dateline": "São Paulo",
        "country": "BR",
        "section": "society",
        "series": None,
        "authors": ["Renato Siqueira"],
        "translator": "Daniel Marcus",
        "source": "folha-de-s-paulo",
        "original_headline": "Motoboys de São Paulo se organizam contra os aplicativos",
        "original_language": "pt",
        "image": {
            "palette": ("#adb5bd", "#d00000"),
        },
        "tags": ["Brazil", "Gig Economy", "Labor", "Cities"],
        "featured": False,
        "hours_ago": 160,
    },
    {
        "headline": "The French Town Where Everyone Wants To Be The Mayor's Deputy",
        "slug": "french-town-everyone-wants-to-be-deputy",
        "dek": "In much of rural France, nobody wants to run for local office. In one Breton town, a citizens' assembly has turned council meetings into the most popular event of the month.",
        "body": """
<p>The council chamber of Saint-Aubin-du-Cormier, a town of four thousand people in Brittany, has eighty seats. On the first Thursday of the month, they are all taken. Residents who arrive late stand at the back or watch on a screen in the corridor. On the agenda this evening: the renovation of the sports hall, a new cycle path, and whether the market should move from Saturday to Friday.</p>
<p>Across France, mayors are resigning in record numbers, worn down by paperwork, abuse on social media and, in some cases, physical attacks. Many small communes struggle to find candidates for municipal elections. Saint-Aubin appears to have found an antidote: it gave residents a real share of power.</p>
<p>Five years ago, the council created a citizens' assembly of thirty residents drawn by lot, who serve for two years and must be consulted on every major project. The assembly has its own budget and can put questions directly on the council's agenda. "At first, many councillors thought it would be a waste of time," admits the mayor, Yvonne Le Guen. "Now some of them say it is the best part of the job."</p>
<h2>Drawn by lot</h2>
<p>The assembly's members include a baker, a retired gendarme, two students, a farmer, a nurse and a man who had never voted in his life. "When they called to tell me I had been chosen, I thought it was a scam," says Loïc Méheut, 38, a truck driver. "Then I went to the first meeting and they asked my opinion about the road I drive on every day. Nobody had ever asked me that."</p>
<p>The assembly's first major decision was to reject a plan for a new roundabout and redirect the money to safe school routes. Its second was to insist that the renovated sports hall include a room for older residents. Both were adopted by the council, which retains the final vote.</p>
<ul>
<li>Members are drawn from the electoral roll and a volunteer list, balanced by age and gender.</li>
<li>They receive training on municipal budgets and planning law.</li>
<li>Meetings are public and minutes are posted in the town hall and online.</li>
</ul>
<p>Political scientists caution against seeing the experiment as a cure-all. Participatory schemes often attract the same engaged, educated residents, and they can be slow. "It works in Saint-Aubin because the mayor accepted losing some control," notes Hélène Prigent, a researcher in Rennes. "Many elected officials are not ready for that."</p>
<p>At ten o'clock, the meeting ends. The market will stay on Saturday, by a narrow vote. In the car park, residents keep arguing in small groups. Le Guen watches them from the steps of the town hall. "Before, I used to argue with myself," she says. "This is much better."</p>
""",
        "dateline": "Saint-Aubin-du-Cormier",
        "country": "FR",
        "section": "society",
        "series": None,
        "authors": ["Clémence Arnaud", "Lucas Perrin"],
        "translator": "Rachel Stern",
        "source": "le-monde",
        "original_headline": "La commune bretonne où tout le monde veut participer au conseil",
        "original_language": "fr",
        "image": {
            "palette": ("#cdb4db", "#1d3557"),
        },
        "tags": ["France", "Democracy", "Local Government"],
        "featured": False,
        "hours_ago": 115,
    },
    {
        "headline": "Kyiv's Night Schools For Soldiers Coming Home",
        "slug": "kyiv-night-schools-for-soldiers-coming-home",
        "dek": "Veterans returning from the front are retraining as programmers, electricians and psychologists. The classes are also where many of them learn to talk about what they saw.",
        "body": """
<p>The classroom on the third floor of a technical college in Kyiv's Podil district smells of solder. Twelve men and two women bend over circuit boards, learning to install solar inverters. Most are in their thirties or forties. All of them have served in the armed forces since the full-scale invasion, and several walk with a limp or carry a cane.</p>
<p>The course is one of dozens of retraining programmes for veterans that have appeared across Ukraine, funded by the state, foreign donors and private companies. They teach trades that the country will need for reconstruction: electricians, welders, plumbers, IT specialists. Classes are held in the evening so that participants can combine them with rehabilitation or part-time work.</p>
<p>"When I came back, I did not know what to do with my hands," says Andriy, 39, a former accountant who spent two years in an artillery unit. "I could not go back to spreadsheets. I needed something physical, something you can see working at the end of the day. When the light comes on, you know you did it right."</p>
<h2>Lessons that are not on the syllabus</h2>
<p>Teachers say the classes serve another purpose. Many veterans find it hard to talk about their experiences with family members who did not serve. In class, with others who have been through the same things, conversations happen during breaks, over tea from a thermos, in the stairwell.</p>
<p>"At first I thought I was teaching electrical work," says the instructor, Serhiy Melnyk, 58. "Then I understood I am also running a support group. I am not a psychologist, so we invited one. She comes every two weeks. Nobody is obliged to talk. Most do."</p>
<blockquote><p>"The war will end one day. The veterans will be with us for fifty years. We must prepare now," says a veterans' affairs official in Kyiv.</p></blockquote>
<p>Ukraine will eventually have to reintegrate a very large number of veterans, a challenge that experts say is comparable to the post-war periods in other countries. Employers have begun to adapt: some companies offer flexible hours, adapted workplaces and mentoring, and a national hotline connects veterans with psychological support.</p>
<p>The class ends at nine, just as the air-raid siren app pings on everyone's phones. Nobody rushes. Andriy packs his tools carefully into a canvas bag. "My daughter asked me what I learn here," he says. "I told her: how to make light. She said it was a good job for after a war."</p>
""",
        "dateline": "Kyiv",
        "country": "UA",
        "section": "society",
        "series": None,
        "authors": ["Oksana Hrytsenko", "Dmytro Savchuk"],
        "translator": "Sophie Lindqvist",
        "source": "kyiv-post",
        "original_headline": "Вечірні школи Києва для ветеранів",
        "original_language": "uk",
        "image": {
            "palette": ("#ffe66d", "#005f73"),
        },
        "tags": ["Ukraine", "War", "Veterans", "Education"],
        "featured": False,
        "hours_ago": 160,
    },
]

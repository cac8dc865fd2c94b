"""Word pools for the generated evaluation (invented people and firms, spelling rules, real firms)."""

from __future__ import annotations

GIVEN = {
    "arabic": (
        "Ahmed Omar Khalid Youssef Tariq Samir Walid Nabil Karim Fadi Rami Hisham Faisal Nasser Adel Bassam "
        "Ziad Majid Salma Huda Rania Layla Nour Dina"
    ).split(),
    "persian": (
        "Arash Babak Dariush Farhad Kaveh Kourosh Mehran Navid Omid Parviz Ramin Saeed Shahram Siamak Behrouz "
        "Shirin Maryam Azadeh Nasrin Parisa Roya Leila"
    ).split(),
    "russian": (
        "Alexei Andrei Boris Dmitri Evgeny Gennady Igor Konstantin Leonid Maxim Nikita Oleg Pavel Roman "
        "Stanislav Timur Vadim Yuri Anna Elena Irina Natalia Olga Svetlana"
    ).split(),
    "chinese": (
        "Wei Fang Jun Lei Ming Qiang Tao Yong Jie Hui Ling Xiu Yan Ping Hong Bo Gang Chao Jian Xin Yu Lan Mei"
    ).split(),
    "korean": (
        "Min-jun Seo-jun Do-yoon Ha-joon Ji-ho Jun-seo Hyun-woo Sung-min Young-ho Dong-hyun Ji-woo Seo-yeon "
        "Min-seo Ha-eun Ji-min Soo-ah"
    ).split(),
    "western": (
        "James Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Anthony Mark Paul "
        "Steven Andrew Laura Sarah Emily Hannah Sophie Claire Julia"
    ).split(),
    "indian": (
        "Rahul Amit Sanjay Vikram Arjun Rohit Anil Sunil Rajesh Manoj Deepak Suresh Priya Anjali Neha Pooja "
        "Kavita Sunita Meera"
    ).split(),
    "turkish": (
        "Mehmet Mustafa Emre Burak Serkan Murat Onur Cem Kaan Volkan Hakan Selim Ayse Elif Zeynep Merve Esra Ozlem"
    ).split(),
    "spanish": (
        "Alejandro Diego Javier Miguel Pablo Sergio Andres Fernando Ricardo Eduardo Carmen Lucia Isabel Paula "
        "Marta Elena Rosa"
    ).split(),
}
FAMILY = {
    "arabic": (
        "Haddad Khoury Mansour Nasser Saleh Hamdan Qasim Darwish Sabbagh Aziz Awad Bakr Farouk Jaber Khalil "
        "Masri Najjar Rahal Shami Tamimi"
    ).split(),
    "persian": (
        "Ahmadi Karimi Rahimi Sadeghi Moradi Jafari Rostami Kazemi Ghorbani Heidari Tavakoli Amini Bagheri "
        "Shahidi Mohammadi Esfandiari Farahani"
    ).split(),
    "russian": (
        "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov "
        "Alekseev Lebedev Semenov Egorov Pavlov Kozlov"
    ).split(),
    "chinese": "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo".split(),
    "korean": "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song".split(),
    "western": (
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson "
        "Thompson White Harris Clark Lewis Walker"
    ).split(),
    "indian": (
        "Sharma Verma Gupta Singh Kumar Patel Shah Mehta Joshi Nair Reddy Rao Iyer Menon Chopra Kapoor Malhotra Bose"
    ).split(),
    "turkish": (
        "Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan Cetin "
        "Kara Koc Kurt"
    ).split(),
    "spanish": (
        "Garcia Fernandez Gonzalez Rodriguez Lopez Martinez Sanchez Perez Gomez Martin Jimenez Ruiz Hernandez "
        "Diaz Moreno Alvarez"
    ).split(),
}
PLACES = (
    "Shenzhen Dubai Sharjah Istanbul Kuala-Lumpur Singapore Mumbai Karachi Minsk Almaty Tashkent Ningbo "
    "Xiamen Guangzhou Tianjin Dalian Ajman Baku Yerevan Tbilisi Bishkek Novosibirsk Busan Incheon Hanoi "
    "Bangkok Izmir Mersin Lahore "
).split()
FIRM_WORDS = (
    "Golden Crescent Falcon Zenith Orient Pacific Horizon Summit Vertex Pioneer Apex Nova Delta Sigma Atlas Eagle "
    "Phoenix Lotus Cedar Oasis Emerald Sapphire Silverline Bluewave Greenfield Redstone Northstar Eastwind Sunrise "
    "Huaxin Hongda Jinlong Tianma Xinda Yuanda Kaiyuan Hengtong Sanhe Aria Kavir Arman Sepehr Setareh Noor Baraka "
    "Fajr Waha Bina Tekno Mega Inter Trans Euro Meridian Quantum Titan Vector Matrix Helix Sterling Crown Royal"
).split()
TRADES = (
    "General Trading|Trading|Industrial|Electronics|Machinery|Technology|Engineering|Import Export|Logistics|"
    "Shipping|Chemicals|Metals|Equipment|Instruments|International"
).split("|")
FORMS = {
    "strip": set(
        "co ltd llc company limited inc corp corporation fze fzco gmbh ag sa jsc pjsc ojsc cjsc pte sdn bhd plc llp "
        "co. ltd. inc. corp. s.a. fzc dmcc sarl spa srl bv nv ab oy kg pvt ooo zao oao pao s.a.s.".split()
    ),
    "parts": set("joint stock liability closed open public de c.v. s.a. private &".split()),
    "add": "Co., Ltd.|FZE|FZCO|LLC|GmbH|Sdn. Bhd.|Pte. Ltd.|Limited|Company|Corp.|JSC|S.A.|Ltd".split("|"),
}
# Spelling rules (regular expression, replacement) that one romanisation system applies and another not.
SPELLINGS = [
    tuple(rule.split("="))
    for rule in (
        "mohammad=muhammad muhammad=mohamed mohammed=mohamad hussein=hossein hossein=husain ou=u oo=u ee=i kh=h "
        "q=k iy=i y$=i abdel=abdul al-=el- j=dj sh=ch ph=f w=v v=w aa=a ei=ey x=ks ck=k tch=ch ie=i yu=iu ya=ia ts=tz"
    ).split()
] + [("abdul ", "abd al-")]
# Latin to Cyrillic, longest spellings first, as a Russian-language inquiry might write a name.
CYRILLIC = [
    tuple(rule.split("="))
    for rule in (
        "shch=щ sh=ш ch=ч kh=х zh=ж ts=ц yu=ю ya=я yo=ё ye=е j=дж ee=и oo=у a=а b=б v=в g=г d=д e=е z=з i=и y=й "
        "k=к l=л m=м n=н o=о p=п r=р s=с t=т u=у f=ф h=х c=к q=к w=в x=кс"
    ).split()
]
REAL_FIRMS = [
    firm.strip()
    for firm in (
        "Siemens AG | Robert Bosch GmbH | BASF SE | Bayer AG | Volkswagen AG | Bayerische Motoren Werke AG | "
        "Airbus SE | Thales S.A. | Safran S.A. | Schneider Electric SE | ABB Ltd | Nestle S.A. | Novartis AG | "
        "Roche Holding AG | Koninklijke Philips N.V. | ASML Holding N.V. | Unilever PLC | Rolls-Royce Holdings "
        "plc | Vodafone Group Plc | AstraZeneca PLC | Toyota Motor Corporation | Honda Motor Co., Ltd. | Sony "
        "Group Corporation | Panasonic Holdings Corporation | Hitachi, Ltd. | Mitsubishi Electric Corporation | "
        "Canon Inc. | Nikon Corporation | Shimadzu Corporation | Keyence Corporation | Fanuc Corporation | "
        "Samsung Electronics Co., Ltd. | LG Electronics Inc. | Hyundai Motor Company | Tata Steel Limited | "
        "Infosys Limited | Wipro Limited | Reliance Industries Limited | Larsen & Toubro Limited | Mahindra & "
        "Mahindra Ltd. | General Electric Company | Honeywell International Inc. | Caterpillar Inc. | The Boeing "
        "Company | Intel Corporation | Advanced Micro Devices, Inc. | NVIDIA Corporation | Texas Instruments "
        "Incorporated | Analog Devices, Inc. | Micron Technology, Inc. | Applied Materials, Inc. | Lam Research "
        "Corporation | KLA Corporation | Thermo Fisher Scientific Inc. | Agilent Technologies, Inc. | Keysight "
        "Technologies, Inc. | Emerson Electric Co. | Parker-Hannifin Corporation | Eaton Corporation plc | "
        "Rockwell Automation, Inc. | Corning Incorporated | Dow Inc. | Exxon Mobil Corporation | Chevron "
        "Corporation | Pfizer Inc. | Johnson & Johnson | The Procter & Gamble Company | The Coca-Cola Company | "
        "PepsiCo, Inc. | Microsoft Corporation | Apple Inc. | Alphabet Inc. | Oracle Corporation | Cisco Systems, "
        "Inc. | International Business Machines Corporation | Dell Technologies Inc. | Qualcomm Incorporated | "
        "A.P. Moller - Maersk A/S | Hapag-Lloyd AG | Deutsche Post AG | FedEx Corporation | United Parcel "
        "Service, Inc. | Etihad Airways | Qatar Airways Group | Emirates NBD Bank PJSC | First Abu Dhabi Bank "
        "PJSC | HSBC Holdings plc | Standard Chartered PLC | Barclays PLC | Commerzbank AG | BNP Paribas S.A. | "
        "Societe Generale S.A. | ING Groep N.V. | UBS Group AG | Zurich Insurance Group AG | Allianz SE | Munich "
        "Re | AXA S.A. | Assicurazioni Generali S.p.A. | Sumitomo Corporation | Mitsui & Co., Ltd. | Marubeni "
        "Corporation | Itochu Corporation | Nippon Steel Corporation | Kobe Steel, Ltd. | JFE Steel Corporation | "
        "Sandvik AB | Atlas Copco AB | SKF AB | AB Volvo | Telefonaktiebolaget LM Ericsson | Nokia Oyj | Kone Oyj "
        "| Wartsila Oyj | Alfa Laval AB | Carl Zeiss AG | Trumpf SE + Co. KG | Pfeiffer Vacuum Technology AG | "
        "Leybold GmbH | Edwards Vacuum LLC | OC Oerlikon Corporation AG | Sulzer Ltd | Buhler AG | Hilti AG | "
        "Liebherr-International AG | KUKA AG | Festo SE & Co. KG | Sick AG | Endress+Hauser AG | Vaisala Oyj | "
        "Hexagon AB | Renishaw plc | Oxford Instruments plc | Spectris plc | Bruker Corporation | Waters "
        "Corporation | Mettler-Toledo International Inc. | Sartorius AG | Heidelberger Druckmaschinen AG | "
        "Kawasaki Heavy Industries, Ltd. | Yokogawa Electric Corporation | Omron Corporation | Murata "
        "Manufacturing Co., Ltd. | Kyocera Corporation | TDK Corporation | Tokyo Electron Limited | Daikin "
        "Industries, Ltd. | Makita Corporation | Bridgestone Corporation | Yamaha Corporation | Olympus "
        "Corporation "
    ).split("|")
]

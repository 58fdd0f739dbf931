"""Literal filler lists for English posts.  All people, streets and facilities are invented;
institutions, guidelines, hotlines and famous people are real and used only as hard negatives."""

GIVEN_F = [
    # West African
    "Amara", "Chiamaka", "Ngozi", "Folasade", "Adaeze", "Yewande", "Abena", "Efua", "Nneka", "Titilayo",
    # Arabic / Persian / Turkish / Hebrew
    "Aisha", "Fatima", "Mariam", "Leila", "Yasmin", "Noor", "Parisa", "Shirin", "Ayşe", "Elif", "Tamar",
    "Miriam", "Shoshana", "Rania",
    # South Asian
    "Priya", "Ananya", "Lakshmi", "Deepa", "Sunita", "Kavitha", "Harpreet", "Nasreen", "Meenakshi",
    # East / SE Asian
    "Mei", "Xiu Ying", "Lian", "Jia", "Min-ji", "Seo-yeon", "Ji-woo", "Linh", "Thao", "Hoa", "Maricel",
    "Imelda", "Rosario", "Hana", "Yuki", "Keiko", "Sachiko", "Malee",
    # Latin American / Iberian
    "Guadalupe", "Lucía", "Carmen", "Valentina", "Ximena", "Beatriz", "Graça", "Socorro", "Dolores",
    # Southern / East African
    "Thandiwe", "Nomvula", "Ayana", "Hiwot", "Hodan", "Sahra", "Wanjiru",
    # European
    "Ingrid", "Astrid", "Sigrid", "Aino", "Magdalena", "Agnieszka", "Zofia", "Oksana", "Svetlana",
    "Anastasia", "Eleni", "Despina", "Giulia", "Rosalba", "Siobhan", "Niamh", "Aoife", "Bridget",
    "Margaret", "Dorothy", "Edith", "Mildred", "Beatrice", "Harriet", "Evelyn", "Gladys", "Winifred",
    "Hazel", "Ethel", "Myrtle", "Agnes", "Lorraine", "Brenda", "Maude",
    # Pacific
    "Leilani", "Moana", "Aroha", "Mere", "Talia", "Kiri", "Losana",
    # names that are also words
    "Hope", "Summer", "Faith", "Joy", "Grace", "Rose", "Dawn", "Autumn", "Pearl", "Ruby", "Opal",
    "Ivy", "Daisy", "Honey", "Precious", "Charity", "Blessing", "Sunshine", "Violet", "June", "April",
    "Holly", "Bliss", "Destiny", "Heaven", "Liberty", "Lavender", "Sky",
]

GIVEN_M = [
    "Chinedu", "Emeka", "Oluwaseun", "Kwame", "Kofi", "Tunde", "Babajide", "Ikenna", "Yaw",
    "Mohammed", "Omar", "Yusuf", "Tariq", "Hamid", "Reza", "Dariush", "Mehmet", "Emre", "Avi", "Yosef",
    "Rajesh", "Arjun", "Vikram", "Sanjay", "Gurpreet", "Venkat", "Imran", "Anil",
    "Wei", "Jun", "Hao", "Min-jun", "Dae-ho", "Minh", "Tuan", "Quang", "Rommel", "Danilo", "Somchai",
    "Hiroshi", "Kenji", "Takeshi",
    "Rodrigo", "Alejandro", "Joaquín", "Tomás", "Mateo", "João", "Efraín", "Aurelio",
    "Thabo", "Sipho", "Dawit", "Abdi", "Tesfaye", "Kamau",
    "Lars", "Bjørn", "Mikko", "Piotr", "Tomasz", "Wojciech", "Dmitri", "Sergei", "Nikos", "Giorgos",
    "Giuseppe", "Salvatore", "Cormac", "Seamus", "Declan", "Harold", "Walter", "Albert", "Clarence",
    "Eugene", "Leonard", "Herbert", "Stanley", "Bernard", "Earl", "Cyril", "Reginald", "Desmond",
    "Archibald", "Wilfred", "Mervyn", "Norman", "Lloyd", "Vernon",
    "Sione", "Tane", "Wiremu", "Manaia",
    # names that are also words
    "Sunny", "Rich", "Hunter", "King", "Bishop", "Major", "Forrest", "Ace", "Rocky", "Sterling",
    "Mercy", "Chance", "Justice", "Cash", "Bud", "Duke", "Noble", "Rusty", "Woody", "Will", "Frank",
]

SURNAMES = [
    "Okafor", "Adeyemi", "Nwosu", "Mensah", "Boateng", "Oyelaran", "Eze", "Obi", "Asante", "Owusu",
    "Haddad", "Al-Rashid", "Khoury", "Farouk", "Nassar", "Rahimi", "Tehrani", "Yılmaz", "Demir",
    "Öztürk", "Goldberg", "Cohen", "Levi", "Mizrahi", "Azoulay",
    "Iyer", "Raghunathan", "Banerjee", "Chaudhry", "Malik", "Subramanian", "Sandhu", "Menon",
    "Chatterjee", "Pillai", "Qureshi",
    "Chen", "Liu", "Zhang", "Huang", "Kwok", "Lim", "Tan", "Kim", "Park", "Choi", "Jeong", "Nguyen",
    "Tran", "Pham", "Vo", "Santos", "Reyes", "dela Cruz", "Bautista", "Macaraeg", "Villanueva",
    "Tanaka", "Nakamura", "Yamamoto", "Sasaki", "Fujimoto", "Suzuki",
    "García", "Hernández", "Morales", "Castillo", "Oliveira", "Souza", "Ferreira", "Quispe", "Mamani",
    "Dlamini", "Ndlovu", "Khumalo", "Tesfaye", "Abebe", "Warsame", "Mwangi", "Otieno", "Kamau",
    "Lindqvist", "Johansson", "Virtanen", "Halvorsen", "Kowalski", "Nowak", "Kaczmarek", "Petrov",
    "Volkov", "Papadopoulos", "Georgiou", "Russo", "Esposito", "Ferraro", "Szabo", "Horvath",
    "Novak", "Dubois", "Lefebvre", "Moreau", "Schneider", "Becker", "Vogel", "van der Berg",
    "de Vries", "Jansen", "Bakker",
    "O'Sullivan", "McCarthy", "Byrne", "Murphy", "Ní Bhriain", "MacLeod", "Fraser",
    "Smith", "Jones", "Williams", "Taylor", "Davies", "Evans", "Thompson", "Whitfield", "Ashdown",
    "Pennington", "Featherstone", "Thistlewood", "Abernathy", "Crumpton", "Hollingsworth",
    "Tuilagi", "Fonoti", "Ngata", "Parata", "Tupou",
    # surnames that are words or eponyms
    "Baker", "Price", "Bishop", "Young", "King", "Graves", "Crohn", "Parkinson", "Addison", "Bell",
    "Hodgkin", "Wilson", "Cushing", "Paget", "Hunter", "Fisher", "Love", "Goodwin", "Sweet", "Wolf",
    "Fox", "Rich", "Moody", "Snow", "Frost", "Hope", "Winter", "Little", "Strong", "Hale", "Savage",
    "Brown", "Green", "White", "Black", "Gray", "Marsh", "Woods", "Stone", "Child", "Cross",
]

# people whose names appear as staff (still drawn from the same pools, plus these)
STAFF_ROLES_BEFORE = ["Dr.", "Dr", "Nurse", "Sister", "Pharmacist", "Prof.", "Charge nurse"]
STAFF_ROLES_AFTER = ["our attending", "the on-call surgeon", "my preceptor", "the registrar",
                     "the night hospitalist", "our unit manager", "the ward pharmacist",
                     "the consultant", "the charge nurse", "the OT", "our palliative lead",
                     "my clinical educator", "the PT", "the fellow", "the house officer"]

US_CITIES = [("Dayton", "OH"), ("Springfield", "IL"), ("Bakersfield", "CA"), ("Tulsa", "OK"),
             ("Spokane", "WA"), ("Macon", "GA"), ("Erie", "PA"), ("Billings", "MT"),
             ("Fargo", "ND"), ("Abilene", "TX"), ("Flagstaff", "AZ"), ("Lansing", "MI"),
             ("Duluth", "MN"), ("Roanoke", "VA"), ("Pueblo", "CO"), ("Eugene", "OR"),
             ("Bangor", "ME"), ("Topeka", "KS"), ("Mobile", "AL"), ("Hilo", "HI"),
             ("Stockton", "CA"), ("Yonkers", "NY"), ("Gary", "IN"), ("Provo", "UT")]
UK_TOWNS = [("Leeds", "LS"), ("Sheffield", "S"), ("Norwich", "NR"), ("Swansea", "SA"),
            ("Derby", "DE"), ("Exeter", "EX"), ("Carlisle", "CA"), ("Dundee", "DD"),
            ("Truro", "TR"), ("Bolton", "BL"), ("Hull", "HU"), ("Stoke-on-Trent", "ST"),
            ("Inverness", "IV"), ("Wrexham", "LL"), ("Lincoln", "LN"), ("Oldham", "OL")]
AU_SUBURBS = [("Brunswick", "VIC", 3056), ("Toowong", "QLD", 4066), ("Marrickville", "NSW", 2204),
              ("Fremantle", "WA", 6160), ("Glenelg", "SA", 5045), ("Sandy Bay", "TAS", 7005),
              ("Dubbo", "NSW", 2830), ("Ballarat", "VIC", 3350), ("Cairns", "QLD", 4870),
              ("Belconnen", "ACT", 2617), ("Bunbury", "WA", 6230), ("Launceston", "TAS", 7250)]

STREET_NAMES = ["Larkspur", "Maple Hollow", "Birchwood", "Quillfeather", "Tannery", "Kittiwake",
                "Ironbark", "Wattle", "Gorsebrook", "Pennyroyal", "Rookery", "Fernleaf", "Old Mill",
                "Saltmarsh", "Cobblestone", "Heron Ridge", "Ashcombe", "Bellweather", "Cinder",
                "Drovers", "Elderflower", "Foxglove", "Gannet", "Hawthorn Bend", "Inkwell",
                "Juniper Hollow", "Kingfisher", "Lamplighter", "Millpond", "Nettlebed", "Orchard Gate",
                "Plover", "Quarry Hill", "Redstart", "Sorrel", "Thimble", "Upland", "Verbena",
                "Wicklow", "Yarrow", "Zephyr", "Bramblegate", "Coachman", "Dovecote", "Ember",
                "Flintlock", "Greylag", "Hopfield", "Ivywood", "Jessamine", "Kestrel", "Linnet"]
STREET_TYPES_US = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Drive", "Ln", "Lane",
                   "Ct", "Blvd", "Way", "Pl", "Terrace", "Pkwy"]
STREET_TYPES_UK = ["Close", "Road", "Lane", "Crescent", "Gardens", "Mews", "Way", "Street",
                   "Terrace", "Grove", "Row", "Walk"]
STREET_TYPES_AU = ["St", "Street", "Rd", "Cres", "Ave", "Pde", "Ct", "Way", "Place", "Drive"]

FAC_PREFIX = ["Larchmont Hill", "Kestrel Bay", "Wattleford", "Greyhaven", "Marrowbrook",
              "Silverfern", "Oakhurst Ridge", "Bramblewood", "Thornbury Park", "Copperleaf",
              "Harlow Vale", "Fennimore", "Clearwater Bend", "Mistral Point", "Ashgrove",
              "Briarcliff", "Cedar Knoll", "Eastmere", "Whitlow Creek", "Ravensworth", "Lockridge",
              "Tallow Lane", "Mercy Vale", "Dunmore Heights", "Holyoake", "Pemberton Downs",
              "Saltbush", "Glenrowan Park", "Wyndmoor", "Lindenfield", "Stillwater Crossing",
              "Amberley Court", "Bexley Fold", "Corrigan", "Drummond Lea", "Elmstead",
              "Fairhaven Quay", "Gallow Hill", "Hartwell Green", "Ingleby", "Kirkmoor",
              "Loxley", "Meadowmere", "Northcote Rise", "Ottery Vale", "Pinnacle Ridge",
              "Quayside", "Rosethorn", "Sable Creek", "Tamsin Hill", "Upton Marsh", "Verity",
              "Willowmere", "Yarra Glen", "Zion Hill"]
FAC_SAINT = ["St. Odile's", "St. Brannoc's", "St. Wilfrid's", "St. Columba's", "St. Agatha's",
             "Our Lady of Kells", "St. Cuthbert's", "St. Perpetua's", "St. Ignatius", "St. Ninian's",
             "Holy Cross of Marlow", "St. Barnabas Vale"]
FAC_HOSP = ["Hospital", "Medical Center", "Regional Medical Center", "Community Hospital",
            "General Hospital", "Memorial Hospital", "District Hospital", "Health Campus"]
FAC_CARE = ["Care Home", "Nursing Home", "Manor", "Lodge", "Assisted Living", "Memory Care",
            "Skilled Nursing", "Rehabilitation Center", "Aged Care", "Retirement Village",
            "Residential Home", "Care Centre", "House", "Gardens Care Community"]
FAC_CLINIC = ["Family Practice", "Medical Group", "Health Centre", "Surgery", "Clinic",
              "Primary Care", "Dialysis Center", "Hospice", "Home Health", "Urgent Care"]

FAC_GENERIC = ["an outside hospital", "the OSH", "a SNF", "a local nursing home", "another facility",
               "a care home", "the rehab place", "a memory care unit", "an aged care facility",
               "the GP surgery", "a hospice", "an LTAC", "a group home", "a community hospital",
               "assisted living", "a skilled nursing facility", "the referring hospital",
               "a rural hospital", "a residential home", "a board and care"]

INSTITUTIONS = ["Mayo Clinic", "Cleveland Clinic", "Johns Hopkins", "MD Anderson", "NICE",
                "the CDC", "the WHO", "the Royal College of Nursing", "Karolinska", "Mass General",
                "the Joint Commission", "Memorial Sloan Kettering", "the RCP", "the AHA",
                "the Royal Marsden", "Stanford", "the NIH", "the MHRA", "the FDA", "ISMP"]

PLACES = ["rural Ohio", "Manchester", "Queensland", "the Midwest", "Ontario", "Cork", "Texas",
          "Wales", "Auckland", "Lagos", "Manila", "Osaka", "the Highlands", "Cornwall",
          "upstate New York", "Tasmania", "Kerala", "the Bay Area", "Glasgow", "Alberta",
          "northern Queensland", "the Outback", "Appalachia", "Dublin", "Nairobi", "Mumbai"]

EPONYMS = ["Parkinson's", "Alzheimer's", "Crohn's", "Graves' disease", "Hashimoto's", "Addison's",
           "Cushing's", "Guillain-Barré", "Hodgkin lymphoma", "Wilson's disease", "Bell's palsy",
           "Paget's disease", "Raynaud's", "Sjögren's", "Kawasaki disease", "Takotsubo",
           "Stevens-Johnson syndrome", "Barrett's oesophagus", "Mallory-Weiss tear",
           "Zenker's diverticulum", "Dupuytren's", "a Baker's cyst", "a Colles' fracture",
           "a Smith's fracture", "Ludwig's angina", "Fournier's gangrene", "Horner's syndrome",
           "Todd's paresis", "Lewy body dementia", "Huntington's", "Creutzfeldt-Jakob",
           "Wernicke's", "Korsakoff's", "Marfan", "Ehlers-Danlos", "Down syndrome",
           "Tourette's", "Meniere's", "Osgood-Schlatter", "Legg-Calvé-Perthes", "Buerger's disease",
           "Behçet's", "Still's disease", "Conn's syndrome", "Kaposi sarcoma", "Burkitt lymphoma",
           "Waldenström's", "von Willebrand disease", "Hirschsprung's", "Wolff-Parkinson-White"]
SIGNS = ["Murphy's sign", "a positive Babinski", "Romberg", "Trendelenburg gait", "Kernig's sign",
         "Brudzinski", "Homans' sign", "Chvostek's sign", "Trousseau's sign", "Cheyne-Stokes breathing",
         "Kussmaul breathing", "Virchow's triad", "Beck's triad", "Cushing's triad", "Charcot's triad",
         "McBurney's point tenderness", "Rovsing's sign", "Battle's sign", "Grey Turner's sign",
         "Cullen's sign", "Tinel's sign", "Phalen's test", "Lhermitte's sign", "Hoffmann's sign",
         "a Lachman test", "Nikolsky's sign", "Auspitz sign", "Kehr's sign"]
PROCEDURES = ["a Whipple", "a Hartmann's", "a Nissen", "a Roux-en-Y", "a Billroth II",
              "the Epley manoeuvre", "a Heimlich", "a Valsalva", "an Allen test", "a Foley",
              "a Swan-Ganz", "the Seldinger technique", "an Ivor Lewis", "a Kasai", "a Ponseti cast",
              "a Bankart repair", "a Latarjet", "a Mohs excision", "a Fontan", "a Blalock-Taussig shunt",
              "a Pfannenstiel incision", "a Lichtenstein repair", "a Girdlestone", "a Hickman line",
              "a Minerva jacket", "a Sengstaken tube"]
SCALES = ["Glasgow Coma Scale", "Apgar", "Braden", "Waterlow", "Morse Fall Scale", "Wells score",
          "Barthel index", "Katz ADL", "Karnofsky", "Ranson's criteria", "Child-Pugh",
          "Killip class", "Duke criteria", "Ottawa ankle rules", "Centor", "Beers criteria",
          "Richmond Agitation-Sedation Scale", "Bristol stool chart", "Rockwood frailty scale",
          "Norton scale", "Caprini score", "Mallampati", "Lund and Browder chart", "Aldrete score",
          "Ramsay sedation scale", "Snellen chart", "Tanner stage", "Denver II", "Hunt and Hess",
          "Fisher grade", "Spetzler-Martin", "Gleason", "Breslow thickness", "Clark level"]

DRUGS = ["Eliquis", "Xarelto", "Coumadin", "Lasix", "Keppra", "Zosyn", "vancomycin", "Haldol",
         "Ativan", "Seroquel", "Zyprexa", "Aricept", "Namenda", "Sinemet", "Synthroid", "Lantus",
         "Humalog", "Ozempic", "Jardiance", "Entresto", "Plavix", "Lipitor", "Norco", "Dilaudid",
         "Tylenol", "Toradol", "Zofran", "Protonix", "Augmentin", "Keflex", "Bactrim", "Cipro",
         "Flagyl", "prednisone", "Decadron", "Narcan", "Precedex", "propofol", "ketamine",
         "digoxin", "amiodarone", "metoprolol", "Paxlovid", "Tamiflu", "senna", "MiraLAX",
         "Movicol", "Oramorph", "co-codamol", "OxyNorm", "Clexane", "Buscopan", "Zopiclone",
         "Sando-K", "Fortisip", "Adcal-D3", "Fragmin", "Nexium", "Depakote", "Lamictal",
         "Risperdal", "Trulicity", "Mounjaro", "Brilinta", "Pradaxa", "Zyvox", "Meropenem",
         "Tazocin", "Solu-Medrol", "Benadryl", "Ambien", "Xanax", "Suboxone", "Methadone"]
DOSE_FORMS = ["{d} 5 mg BID", "{d} 40 mg IV", "{d} 0.5 mg PO q8h", "{d} 2.5 mg bd", "{d} 1 g IV q12h",
              "{d} 10 mg nocte", "{d} 25 mcg daily", "{d} 4 mg PRN", "{d} 500 mg TDS",
              "{d} 12.5 mg at night", "{d} 1 mg SL", "{d} 80 mg OD", "{d} 20 units qHS",
              "{d} 2 mg IM stat", "{d} 100 mg BD", "{d} 0.25 mg q6h PRN"]

JOURNALS = ["NEJM", "JAMA", "The Lancet", "BMJ", "Chest", "Circulation", "JAGS", "Age and Ageing",
            "Critical Care Medicine", "Annals of EM", "Pediatrics", "J Hosp Med", "Anaesthesia",
            "Thorax", "Gut", "Stroke", "Blood", "JAMA Internal Medicine", "CMAJ", "MJA"]
GUIDELINES = ["the 2023 ESC HF guidelines", "NICE NG136", "GOLD 2024", "KDIGO 2024",
              "Surviving Sepsis 2021", "the AGS Beers Criteria 2023 update", "ADA Standards of Care 2024",
              "the 2022 AHA/ACC/HFSA guideline", "the BTS oxygen guideline", "NICE CG161",
              "the IDSA CAP guideline", "the 2021 ERC resuscitation guidelines", "SIGN 157",
              "the WHO analgesic ladder", "the STOPP/START criteria v3", "the 2024 GINA report",
              "the ASCO antiemetic guideline", "the AAP bronchiolitis guideline",
              "the ACR 2022 gout guidance", "the ESPEN nutrition guideline"]
PUBLIC_DATES = ["since the rule took effect on January 1, 2024",
                "at the ACEP conference (October 27–30, 2024)",
                "since the guideline update of 1 March 2023",
                "before the NCLEX change on April 1, 2023",
                "since the 4 July 2023 policy update",
                "at ICN 2025 in Helsinki (June 9–13)",
                "since the mask mandate ended on April 3, 2023",
                "after the formulary change on 1 October 2024",
                "on World Sepsis Day (September 13)",
                "during Nurses Week (May 6–12)",
                "since Match Day on March 15, 2024",
                "since the Joint Commission deadline of July 1, 2024",
                "at ESICM LIVES (5–9 October 2024)",
                "on Hand Hygiene Day, 5 May",
                "since the clocks changed on 31 March",
                "after the EHR go-live on November 2",
                "since the new rota started on 7 August"]
PUBLIC_PEOPLE = ["Michael J. Fox", "Ronald Reagan", "Dr. House", "Florence Nightingale",
                 "Meredith Grey", "Atul Gawande", "Oliver Sacks", "Serena Williams",
                 "Queen Elizabeth II", "Sherlock Holmes", "Hawkeye Pierce", "Patch Adams",
                 "Muhammad Ali", "Robin Williams", "Mary Seacole", "Dr. Ross from ER",
                 "Nurse Ratched", "Dr. Quinn", "Betty White", "Stephen Hawking", "Christopher Reeve",
                 "Lou Gehrig", "Terry Pratchett", "Glen Campbell", "Jimmy Carter", "Bruce Willis"]
PLACEHOLDERS = ["John Doe", "Jane Doe", "Joe Bloggs", "Baby Doe", "John Q. Public", "Fred Bloggs",
                "Trauma Alpha", "Unknown Male", "Unknown Female", "Test Patient", "Mickey Mouse (the test patient)",
                "Zzztest, Patient", "Jane Smith (placeholder)"]
HANDLES = ["@nightshift_rn", "@gasdoc_sam", "@rural.gp", "u/tired_pgy2", "@pharm_kay", "@medic_714",
           "@icu_nerd", "@wardclerk_bee", "@ot_on_wheels", "@scrubs_and_sarcasm", "@geri_doc",
           "@float_pool_fi", "u/throwaway_rn_88", "@pallcare_pete", "@paeds_reg_m", "@dialysis_dan"]
SIGNOFFS = ["— Jo, ICU RN", "-K (PGY-2)", "cheers, Tom (paramedic)", "Sent from my phone",
            "— hospitalist in Leeds", "~ dani", "— a very tired F2", "thanks all, Priya (pharm)",
            "- M, community nurse", "— old medic", "xx Bex", "— Sam, ED reg", "— night SHO",
            "Regards, Clinical Pharmacist", "— T.", "- a student who's confused"]
HOTLINES = ["911", "988", "NHS 111", "111", "000", "999", "Poison Control (1-800-222-1222)",
            "the 988 Lifeline", "Samaritans on 116 123", "Lifeline 13 11 14", "Healthdirect",
            "the crisis line", "112", "the Silver Line"]

LAB_FORMS = ["Na {a}", "K {b}", "Cr {c}", "Hb {d}", "trop {e}", "lactate {f}", "INR {g}", "BNP {h}",
             "WBC {i}", "eGFR {j}", "HbA1c {k}%", "CRP {l}", "glucose {m}", "SpO2 {n}% on RA",
             "BP {o}", "HR {p}", "temp {q}", "ammonia {r}", "CK {s}", "Mg {t}"]
TIMES = ["0300", "3am", "02:40", "around 2230", "14:15", "0600", "4am", "half past midnight",
         "1900 handover", "just after 0500", "11pm", "23:50", "0715", "the 2am obs"]
SCORES = ["GCS 9", "GCS E2V3M5", "NEWS2 7", "qSOFA 2", "CHA2DS2-VASc 5", "Braden 12", "MMSE 18/30",
          "Wells 6", "APACHE II 24", "PHQ-9 of 19", "CFS 7", "MoCA 21", "HAS-BLED 3", "Waterlow 22",
          "Apgars 7 and 9", "RASS -2", "CAM-ICU positive", "Morse 65", "NIHSS 14", "ECOG 3",
          "Barthel 35", "4AT 6", "PEWS 5", "MUST 2"]
RELTIMES = ["POD 3", "day 5 of admission", "last Tuesday", "three weeks ago", "HD 2", "yesterday",
            "48 hours later", "over the weekend", "two days post-op", "earlier this month",
            "about a year ago", "on day 10 of abx", "this morning", "at the last visit",
            "six months back", "post-op day 1", "a fortnight ago", "the night before"]
RELTIMES_SINCE = ["Tuesday", "the weekend", "admission", "day 2", "last week", "POD 1", "the night shift",
                  "Christmas", "the last admission", "his last fall", "her last fall", "Monday", "the move", "HD 3"]
RELTIMES_FOR = ["three weeks", "48 hours", "a fortnight", "six months", "10 days", "two days", "a month", "5 days",
                "about a year", "72 hours"]
RELTIMES_FUTURE = ["tomorrow", "in 48 hours", "on Monday", "next week", "at 0600", "in the morning", "after the weekend",
                   "on day 7", "in 6 hours", "later today"]
YEARS = ["2019", "2008", "2015", "2021", "1998", "2012", "2023", "2016", "2004", "2010"]
CODES = ["ICD-10 I48.91", "ICD-10 N17.9", "NDC 0409-4888-02", "PMID 31566471", "lot 4K21A",
         "CPT 99223", "LOINC 2160-0", "SNOMED 22298006", "lot #FH7731", "DRG 291", "ICD-10 R41.0",
         "PMID 29874321", "Z-code Z91.81", "batch 2209B", "ATC N05AH04", "HCPCS J1100"]
ROOMS = ["bed 12", "room 404", "Bay 3 bed 2", "rm 7B", "side room 5", "cubicle 9", "bed 22",
         "room 1118", "resus 2", "bay C", "pod 4", "majors 6", "room 16", "bed 3"]
AGE_90_CAT = ["90 or older", "aged 90+", "nonagenarians", "over-90s", "the 90-and-over group",
              "anyone 90+", "centenarians", "the oldest old"]
PUBLIC_URLS = ["https://www.nice.org.uk/guidance/ng51", "mdcalc.com", "https://www.cdc.gov/sepsis",
               "https://www.mhlw.go.jp", "https://pubmed.ncbi.nlm.nih.gov", "uptodate.com",
               "https://www.resus.org.uk", "https://bnf.nice.org.uk", "https://www.ismp.org",
               "https://www.fda.gov/safety/medwatch", "lifeinthefastlane.com", "https://www.ahrq.gov",
               "https://www.who.int/publications", "https://www.rcn.org.uk"]

RELATIONS = {  # relation: gender of relative
    "daughter": "F", "son": "M", "niece": "F", "nephew": "M", "granddaughter": "F", "grandson": "M",
    "sister": "F", "brother": "M", "daughter-in-law": "F", "son-in-law": "M", "stepdaughter": "F",
    "eldest son": "M", "youngest daughter": "F", "partner": None, "carer": None, "neighbour": None,
}

ROLE_PHI = ["former mayor of {town}", "only vet in {town}", "head chef at {shop} on {street}",
            "owner of {shop} in {town}", "retired police chief of {town}", "pastor at {church}",
            "longtime principal of {school}", "captain of the {town} volunteer fire brigade",
            "mayor of {town}", "town clerk of {town}", "owner of {shop} on {street}",
            "former headmaster of {school}", "chair of the {town} parish council",
            "landlord of the {pub} in {town}", "local MP for {town}"]
ROLE_TOWNS = ["Wrenfield", "Tarrow Creek", "Ellismere", "Gorse Hollow", "Millbrae Flats",
              "Kettlewick", "Bramford Junction", "Oxley Downs", "Pinewater", "Sallow Bay",
              "Cutler's Ford", "Harrowgate Pass", "Lumsden Ridge", "Quenby"]
ROLE_SHOPS = ["Marlowe's Bistro", "Rosa's Taqueria", "the Blue Heron Diner", "Petrakis Bakery",
              "Lucky Star Noodle House", "Okonjo Hardware", "Halloran's Butchers",
              "Sunrise Laundromat", "Fennel & Thyme Deli", "Mulberry Books"]
ROLE_CHURCHES = ["St. Aidan's in Kettlewick", "Grace Fellowship Wrenfield", "Holy Trinity Sallow Bay",
                 "Pinewater Baptist"]
ROLE_SCHOOLS = ["Ellismere High", "Oxley Downs Primary", "Tarrow Creek Elementary", "Quenby Grammar"]
ROLE_PUBS = ["Crooked Pike", "Drovers Arms", "Lamb and Flag", "Salt Cellar"]
ROLE_CLEAN = ["a retired schoolteacher", "a former farmer", "a local shop owner", "a retired nurse",
              "an ex-miner", "a retired accountant", "a former long-haul driver", "a retired bus driver",
              "a homemaker", "a former machinist", "a retired teacher", "an ex-soldier",
              "a retired cleaner", "a former chef", "a part-time gardener"]

# ruff: noqa: E501
"""Hand-curated tables for the quellenlage knowledge base (read by tools/build_kb.py).

Sources and method
------------------
* Country adjectives, demonyms and capitals: written by hand from general knowledge of standard
  German usage (cross-checked against the naming conventions of the Auswärtiges Amt's
  "Verzeichnis der Staatennamen", whose short/official names are in the legal-gazetteers data).
  No library ships German adjectives or demonyms.
* Wikidata QIDs: only hand-written where the author is certain of them (well-known, frequently
  cited items). Entries without a QID simply have none; nothing is guessed.
* Organisations, persons and world places: hand-curated lists of names frequently found in German
  news, with German spellings and common variants.

To extend the KB: add a line/entry below and rerun ``python tools/build_kb.py``.
"""

from __future__ import annotations

# alpha2 | adjective stems (comma) | demonyms masc. (comma) | demonyms fem. (comma) | capital | QID |
# extra aliases (comma) | extra compound prefixes (comma)
# A masc. demonym written with a trailing "*" is declined like an adjective ("Deutscher").
COUNTRIES = """
AL|albanisch|Albaner|Albanerin|Tirana||Albanien|
AD|andorranisch|Andorraner|Andorranerin|Andorra la Vella|||
AT|österreichisch|Österreicher|Österreicherin|Wien|Q40||
BY|belarussisch,weißrussisch|Belarusse,Weißrusse|Belarussin,Weißrussin|Minsk|Q184|Weißrussland|
BE|belgisch|Belgier|Belgierin|Brüssel|Q31||
BA|bosnisch,bosnisch-herzegowinisch|Bosnier|Bosnierin|Sarajevo||Bosnien|
BG|bulgarisch|Bulgare|Bulgarin|Sofia|Q219||
HR|kroatisch|Kroate|Kroatin|Zagreb|Q224||
CY|zyprisch|Zyprer,Zypriot|Zyprerin,Zypriotin|Nikosia|Q229||
CZ|tschechisch|Tscheche|Tschechin|Prag|Q213|Tschechische Republik|
DK|dänisch|Däne|Dänin|Kopenhagen|Q35||
EE|estnisch|Este|Estin|Tallinn|Q191||
FI|finnisch|Finne|Finnin|Helsinki|Q33||
FR|französisch|Franzose|Französin|Paris|Q142|Frankreich|
DE|deutsch|Deutscher*|Deutsche|Berlin|Q183|BRD,Bundesrepublik|
GR|griechisch|Grieche|Griechin|Athen|Q41||
HU|ungarisch|Ungar|Ungarin|Budapest|Q28||
IS|isländisch|Isländer|Isländerin|Reykjavík|Q189||
IE|irisch|Ire|Irin|Dublin|Q27|Irland|
IT|italienisch|Italiener|Italienerin|Rom|Q38||
XK|kosovarisch|Kosovare|Kosovarin|Pristina|Q1246||
LV|lettisch|Lette|Lettin|Riga|Q211||
LI|liechtensteinisch|Liechtensteiner|Liechtensteinerin|Vaduz|||
LT|litauisch|Litauer|Litauerin|Vilnius|Q37||
LU|luxemburgisch|Luxemburger|Luxemburgerin|Luxemburg|Q32||
MT|maltesisch|Malteser|Malteserin|Valletta|Q233||
MD|moldauisch,moldawisch|Moldauer|Moldauerin|Chișinău|Q217|Moldau,Moldawien,Moldova|
MC|monegassisch|Monegasse|Monegassin|Monaco|||
ME|montenegrinisch|Montenegriner|Montenegrinerin|Podgorica|||
NL|niederländisch,holländisch|Niederländer,Holländer|Niederländerin,Holländerin|Amsterdam|Q55|Holland|
MK|nordmazedonisch,mazedonisch|Nordmazedonier,Mazedonier|Nordmazedonierin,Mazedonierin|Skopje||Mazedonien|
NO|norwegisch|Norweger|Norwegerin|Oslo|Q20||
PL|polnisch|Pole|Polin|Warschau|Q36||
PT|portugiesisch|Portugiese|Portugiesin|Lissabon|Q45||
RO|rumänisch|Rumäne|Rumänin|Bukarest|Q218||
RU|russisch|Russe|Russin|Moskau|Q159|Russland|
SM|san-marinesisch|San-Marinese|San-Marinesin|San Marino|||
RS|serbisch|Serbe|Serbin|Belgrad|Q403||
SK|slowakisch|Slowake|Slowakin|Bratislava|Q214|Slowakische Republik|
SI|slowenisch|Slowene|Slowenin|Ljubljana|Q215||
ES|spanisch|Spanier|Spanierin|Madrid|Q29||
SE|schwedisch|Schwede|Schwedin|Stockholm|Q34||
CH|schweizerisch|Schweizer|Schweizerin|Bern|Q39|Schweizerische Eidgenossenschaft|
UA|ukrainisch|Ukrainer|Ukrainerin|Kiew|Q212||
GB|britisch|Brite|Britin|London|Q145|Großbritannien,Vereinigtes Königreich,UK,Britannien|
VA|vatikanisch|||Vatikanstadt|Q237|Vatikan,Heiliger Stuhl|
AR|argentinisch|Argentinier|Argentinierin|Buenos Aires|Q414||
AU|australisch|Australier|Australierin|Canberra|Q408||
BR|brasilianisch|Brasilianer|Brasilianerin|Brasília|Q155||
CA|kanadisch|Kanadier|Kanadierin|Ottawa|Q16||
CN|chinesisch|Chinese|Chinesin|Peking|Q148|Volksrepublik China,VR China|
IN|indisch|Inder|Inderin|Neu-Delhi|Q668||
ID|indonesisch|Indonesier|Indonesierin|Jakarta|Q252||
JP|japanisch|Japaner|Japanerin|Tokio|Q17||
MX|mexikanisch|Mexikaner|Mexikanerin|Mexiko-Stadt|Q96||
SA|saudi-arabisch,saudisch|Saudi-Araber,Saudi|Saudi-Araberin|Riad|Q851||
ZA|südafrikanisch|Südafrikaner|Südafrikanerin|Pretoria|Q258||
KR|südkoreanisch|Südkoreaner|Südkoreanerin|Seoul|Q884|Republik Korea|
TR|türkisch|Türke|Türkin|Ankara|Q43|Türkiye|
US|US-amerikanisch,amerikanisch|US-Amerikaner,Amerikaner|US-Amerikanerin,Amerikanerin|Washington|Q30|USA,US,Amerika,Vereinigte Staaten von Amerika,Vereinigte Staaten|
IL|israelisch|Israeli|Israelin|Jerusalem|Q801||
PS|palästinensisch|Palästinenser|Palästinenserin|||Palästina,Palästinensergebiete|
IR|iranisch|Iraner|Iranerin|Teheran|Q794||
IQ|irakisch|Iraker|Irakerin|Bagdad|Q796||
SY|syrisch|Syrer|Syrerin|Damaskus|Q858||
LB|libanesisch|Libanese|Libanesin|Beirut|Q822|Libanon|
JO|jordanisch|Jordanier|Jordanierin|Amman|||
EG|ägyptisch|Ägypter|Ägypterin|Kairo|Q79||
YE|jemenitisch|Jemenit|Jemenitin|Sanaa|Q805|Jemen|
AE|emiratisch|||Abu Dhabi||VAE,Vereinigte Arabische Emirate,Emirate|
QA|katarisch|Katarer|Katarerin|Doha|Q846||
KW|kuwaitisch|Kuwaiter|Kuwaiterin|Kuwait-Stadt|||
OM|omanisch|Omaner|Omanerin|Maskat|||
BH|bahrainisch|Bahrainer|Bahrainerin|Manama|||
AF|afghanisch|Afghane|Afghanin|Kabul|Q889||
PK|pakistanisch|Pakistaner|Pakistanerin|Islamabad|Q843||
KP|nordkoreanisch|Nordkoreaner|Nordkoreanerin|Pjöngjang|Q423||
TW|taiwanisch|Taiwaner|Taiwanerin|Taipeh|Q865|Republik China|
VN|vietnamesisch|Vietnamese|Vietnamesin|Hanoi|||
TH|thailändisch|Thailänder|Thailänderin|Bangkok|||
PH|philippinisch|Philippiner|Philippinerin|Manila|||
MY|malaysisch|Malaysier|Malaysierin|Kuala Lumpur|||
SG|singapurisch|Singapurer|Singapurerin|Singapur|||
MM|myanmarisch|||Naypyidaw||Birma,Burma|
BD|bangladeschisch|Bangladescher|Bangladescherin|Dhaka|||
LK|sri-lankisch|Sri-Lanker|Sri-Lankerin|Sri Jayewardenepura Kotte|||
NP|nepalesisch|Nepalese|Nepalesin|Kathmandu|||
MN|mongolisch|Mongole|Mongolin|Ulan-Bator|||
KZ|kasachisch|Kasache|Kasachin|Astana|||
UZ|usbekisch|Usbeke|Usbekin|Taschkent|||
KG|kirgisisch|Kirgise|Kirgisin|Bischkek||Kirgisistan|
TJ|tadschikisch|Tadschike|Tadschikin|Duschanbe|||
TM|turkmenisch|Turkmene|Turkmenin|Aschgabat|||
GE|georgisch|Georgier|Georgierin|Tiflis|Q230||
AM|armenisch|Armenier|Armenierin|Eriwan|||
AZ|aserbaidschanisch|Aserbaidschaner|Aserbaidschanerin|Baku|||
KH|kambodschanisch|Kambodschaner|Kambodschanerin|Phnom Penh|||
LA|laotisch|Laote|Laotin|Vientiane|||
NZ|neuseeländisch|Neuseeländer|Neuseeländerin|Wellington|||
NG|nigerianisch|Nigerianer|Nigerianerin|Abuja|||
ET|äthiopisch|Äthiopier|Äthiopierin|Addis Abeba|||
KE|kenianisch|Kenianer|Kenianerin|Nairobi|||
LY|libysch|Libyer|Libyerin|Tripolis|||
TN|tunesisch|Tunesier|Tunesierin|Tunis|||
MA|marokkanisch|Marokkaner|Marokkanerin|Rabat|||
DZ|algerisch|Algerier|Algerierin|Algier|||
SD|sudanesisch|Sudanese|Sudanesin|Khartum|||
SS|südsudanesisch|Südsudanese|Südsudanesin|Juba|||
ML|malisch|Malier|Malierin|Bamako|||
NE|nigrisch|Nigrer|Nigrerin|Niamey|||
BF|burkinisch|Burkiner|Burkinerin|Ouagadougou|||
TD|tschadisch|Tschader|Tschaderin|N’Djamena||Tschad|
SO|somalisch|Somalier|Somalierin|Mogadischu|||
ER|eritreisch|Eritreer|Eritreerin|Asmara|||
CD|kongolesisch|||Kinshasa||DR Kongo,Demokratische Republik Kongo|
RW|ruandisch|Ruander|Ruanderin|Kigali|||
UG|ugandisch|Ugander|Uganderin|Kampala|||
TZ|tansanisch|Tansanier|Tansanierin|Dodoma|||
ZW|simbabwisch|Simbabwer|Simbabwerin|Harare|||
AO|angolanisch|Angolaner|Angolanerin|Luanda|||
MZ|mosambikanisch|Mosambikaner|Mosambikanerin|Maputo|||
GH|ghanaisch|Ghanaer|Ghanaerin|Accra|||
SN|senegalesisch|Senegalese|Senegalesin|Dakar|||
CM|kamerunisch|Kameruner|Kamerunerin|Jaunde|||
CI|ivorisch|Ivorer|Ivorerin|Yamoussoukro||Elfenbeinküste|
CU|kubanisch|Kubaner|Kubanerin|Havanna|||
VE|venezolanisch|Venezolaner|Venezolanerin|Caracas|||
CO|kolumbianisch|Kolumbianer|Kolumbianerin|Bogotá|||
PE|peruanisch|Peruaner|Peruanerin|Lima|||
CL|chilenisch|Chilene|Chilenin|Santiago de Chile|||
EC|ecuadorianisch|Ecuadorianer|Ecuadorianerin|Quito|||
BO|bolivianisch|Bolivianer|Bolivianerin|Sucre|||
UY|uruguayisch|Uruguayer|Uruguayerin|Montevideo|||
PY|paraguayisch|Paraguayer|Paraguayerin|Asunción|||
HT|haitianisch|Haitianer|Haitianerin|Port-au-Prince|||
NI|nicaraguanisch|Nicaraguaner|Nicaraguanerin|Managua|||
GT|guatemaltekisch|Guatemalteke|Guatemaltekin|Guatemala-Stadt|||
HN|honduranisch|Honduraner|Honduranerin|Tegucigalpa|||
SV|salvadorianisch|Salvadorianer|Salvadorianerin|San Salvador|||
PA|panamaisch|Panamaer|Panamaerin|Panama-Stadt|||
CR|costa-ricanisch|Costa-Ricaner|Costa-Ricanerin|San José|||
DO|dominikanisch|Dominikaner|Dominikanerin|Santo Domingo|||
JM|jamaikanisch|Jamaikaner|Jamaikanerin|Kingston|||
GL|grönländisch|Grönländer|Grönländerin|Nuuk|||
"""

# slug | name | kind | aliases (comma; ';' where an alias contains a comma) | QID | metonym_of | country
# kinds: organisation, government, party, agency, media
ORGANISATIONS = """
nato|NATO|organisation|Nato,Nordatlantikpakt,Nordatlantikvertrags-Organisation|Q7184||
eu|Europäische Union|organisation|EU|Q458||
un|Vereinte Nationen|organisation|UN,UNO,Uno|Q1065||
un_sicherheitsrat|UN-Sicherheitsrat|organisation|Weltsicherheitsrat,UNO-Sicherheitsrat,Uno-Sicherheitsrat|||
osze|OSZE|organisation|Organisation für Sicherheit und Zusammenarbeit in Europa|Q81299||
who|Weltgesundheitsorganisation|organisation|WHO|Q7817||
iwf|Internationaler Währungsfonds|organisation|IWF|Q7804||
weltbank|Weltbank|organisation||Q7164||
g7|G7|organisation|G-7|||
g20|G20|organisation|G-20|||
eu_kommission|Europäische Kommission|government|EU-Kommission|Q8880||
eu_parlament|Europäisches Parlament|government|EU-Parlament,Europaparlament|Q8889||
europaeischer_rat|Europäischer Rat|government||||
europarat|Europarat|organisation||||
ezb|Europäische Zentralbank|organisation|EZB|Q8901||
eugh|Europäischer Gerichtshof|government|EuGH|||
frontex|Frontex|organisation||||
iaea|Internationale Atomenergiebehörde|organisation|IAEA,IAEO|||
ikrk|Internationales Komitee vom Roten Kreuz|organisation|IKRK,Rotes Kreuz|||
drk|Deutsches Rotes Kreuz|organisation|DRK|||DEU
amnesty|Amnesty International|organisation|Amnesty|Q42970||
hrw|Human Rights Watch|organisation|HRW|||
unhcr|UNHCR|organisation|UN-Flüchtlingshilfswerk,Flüchtlingshilfswerk der Vereinten Nationen|||
unicef|Unicef|organisation|UNICEF,Kinderhilfswerk der Vereinten Nationen|||
wto|Welthandelsorganisation|organisation|WTO|||
opec|Opec|organisation|OPEC|||
istgh|Internationaler Strafgerichtshof|organisation|IStGH|||
igh|Internationaler Gerichtshof|organisation|IGH|||
afrikanische_union|Afrikanische Union|organisation||||
bundestag|Bundestag|government|Deutscher Bundestag|Q154797||DEU
bundesrat|Bundesrat|government||||DEU
bundesregierung|Bundesregierung|government||||DEU
bundeskanzleramt|Bundeskanzleramt|government|Kanzleramt|||DEU
auswaertiges_amt|Auswärtiges Amt|government||||DEU
bundeswehr|Bundeswehr|government||||DEU
bverfg|Bundesverfassungsgericht|government|BVerfG|||DEU
bundesbank|Bundesbank|organisation|Deutsche Bundesbank|||DEU
bnd|Bundesnachrichtendienst|government|BND|||DEU
bka|Bundeskriminalamt|government|BKA|||DEU
bundespolizei|Bundespolizei|government||||DEU
verfassungsschutz|Bundesamt für Verfassungsschutz|government|Verfassungsschutz,BfV|||DEU
kreml|Kreml|government|||RUS|RUS
weisses_haus|Weißes Haus|government|||USA|USA
pentagon|Pentagon|government|||USA|USA
cdu|CDU|party|Christlich Demokratische Union,Christlich Demokratische Union Deutschlands|Q49762||DEU
csu|CSU|party|Christlich-Soziale Union|||DEU
cdu_csu|CDU/CSU|party|Unionsfraktion,CDU/CSU-Fraktion|||DEU
spd|SPD|party|Sozialdemokratische Partei Deutschlands,Sozialdemokraten|Q49768||DEU
gruene|Bündnis 90/Die Grünen|party|Grüne,Grünen,Die Grünen|||DEU
fdp|FDP|party|Freie Demokratische Partei,Liberalen|||DEU
afd|AfD|party|Alternative für Deutschland|Q6721203||DEU
linke|Die Linke|party|Linke,Linken,Linkspartei|||DEU
bsw|BSW|party|Bündnis Sahra Wagenknecht|||DEU
oevp|ÖVP|party|Österreichische Volkspartei|||AUT
spoe|SPÖ|party|Sozialdemokratische Partei Österreichs|||AUT
fpoe|FPÖ|party|Freiheitliche Partei Österreichs|||AUT
neos|Neos|party|NEOS|||AUT
dpa|dpa|agency|Deutsche Presse-Agentur,DPA|||DEU
afp|AFP|agency|Agence France-Presse|Q40464||FRA
reuters|Reuters|agency||Q130879||
ap|AP|agency|Associated Press|Q40469||USA
epd|epd|agency|Evangelischer Pressedienst|||DEU
kna|KNA|agency|Katholische Nachrichten-Agentur|||DEU
apa|APA|agency|Austria Presse Agentur|||AUT
interfax|Interfax|agency||||RUS
tass|Tass|agency|TASS|||RUS
ria|Ria Nowosti|agency|RIA Nowosti,RIA Novosti|||RUS
xinhua|Xinhua|agency||||CHN
ukrinform|Ukrinform|agency||||UKR
bloomberg|Bloomberg|agency||||USA
ard|ARD|media|Das Erste|||DEU
zdf|ZDF|media|Zweites Deutsches Fernsehen|||DEU
tagesschau|Tagesschau|media|tagesschau,tagesschau.de|||DEU
deutschlandfunk|Deutschlandfunk|media|DLF|||DEU
orf|ORF|media|Österreichischer Rundfunk|||AUT
bbc|BBC|media||||GBR
cnn|CNN|media||||USA
nyt|New York Times|media|NYT|||USA
spiegel|Der Spiegel|media|Spiegel|||DEU
statistisches_bundesamt|Statistisches Bundesamt|agency|Destatis|||DEU
rki|Robert Koch-Institut|agency|Robert-Koch-Institut,RKI|||DEU
bsi|Bundesamt für Sicherheit in der Informationstechnik|agency|BSI|||DEU
bamf|Bundesamt für Migration und Flüchtlinge|agency|BAMF|||DEU
bundesagentur_fuer_arbeit|Bundesagentur für Arbeit|agency|Arbeitsagentur|||DEU
bundesnetzagentur|Bundesnetzagentur|agency||||DEU
umweltbundesamt|Umweltbundesamt|agency|UBA|||DEU
kba|Kraftfahrt-Bundesamt|agency|KBA|||DEU
dwd|Deutscher Wetterdienst|agency|DWD|||DEU
bundeskartellamt|Bundeskartellamt|agency||||DEU
bafin|Bundesanstalt für Finanzdienstleistungsaufsicht|agency|BaFin|||DEU
generalbundesanwalt|Bundesanwaltschaft|government|Generalbundesanwalt,Generalbundesanwaltschaft|||DEU
bgh|Bundesgerichtshof|government|BGH|||DEU
mad|Militärischer Abschirmdienst|government|MAD|||DEU
thw|Technisches Hilfswerk|agency|THW|||DEU
cia|CIA|government|Central Intelligence Agency|||USA
fbi|FBI|government|Federal Bureau of Investigation|||USA
nsa|NSA|government|National Security Agency|||USA
us_justizministerium|US-Justizministerium|government|Justizministerium der USA|||USA
fed|Federal Reserve|organisation|US-Notenbank,Fed|||USA
mossad|Mossad|government||||ISR
fsb|FSB|government|Inlandsgeheimdienst FSB|||RUS
svr|Auslandsgeheimdienst SWR|government|SVR|||RUS
gru|GRU|government|Militärgeheimdienst GRU|||RUS
mi6|MI6|government|Secret Intelligence Service|||GBR
mi5|MI5|government||||GBR
gchq|GCHQ|government||||GBR
dgse|DGSE|government||||FRA
ndb|Nachrichtendienst des Bundes|government|NDB|||CHE
dsn|Direktion Staatsschutz und Nachrichtendienst|government|DSN|||AUT
elysee|Élysée-Palast|government|Élysée,Elysée-Palast|||FRA
downing_street|Downing Street|government||||GBR
verbraucherzentrale|Verbraucherzentrale|organisation|Verbraucherzentralen,Verbraucherzentrale Bundesverband,vzbv|||DEU
verdi|Verdi|organisation|Ver.di,ver.di,Gewerkschaft Verdi|||DEU
dgb|DGB|organisation|Deutscher Gewerkschaftsbund|||DEU
ig_metall|IG Metall|organisation||||DEU
gdl|GDL|organisation|Gewerkschaft Deutscher Lokomotivführer|||DEU
deutsche_bank|Deutsche Bank|company||||DEU
deutsche_bahn|Deutsche Bahn|company|DB|||DEU
deutsche_telekom|Deutsche Telekom|company|Telekom|||DEU
deutsche_post|Deutsche Post|company|DHL Group|||DEU
volkswagen|Volkswagen|company|VW|||DEU
siemens|Siemens|company||||DEU
samsung|Samsung|company||||KOR
apple|Apple|company||||USA
google|Google|company|Alphabet|||USA
meta|Meta|company|Facebook|||USA
microsoft|Microsoft|company||||USA
amazon|Amazon|company||||USA
tesla|Tesla|company||||USA
pfizer|Pfizer|company||||USA
netflix|Netflix|company||||USA
twitter|Twitter|company||||USA
truth_social|Truth Social|company||||USA
telegram|Telegram|company||||
tiktok|TikTok|company||||CHN
instagram|Instagram|company||||USA
zeit|Die Zeit|media|Zeit Online|||DEU
welt|Die Welt|media|Welt am Sonntag|||DEU
sz|Süddeutsche Zeitung|media|SZ|||DEU
faz|Frankfurter Allgemeine Zeitung|media|FAZ,Frankfurter Allgemeine|||DEU
taz|taz|media|Tageszeitung|||DEU
bild|Bild|media|Bild-Zeitung,BILD|||DEU
stern|Stern|media||||DEU
rtl|RTL|media||||DEU
ntv|ntv|media|n-tv,Ntv|||DEU
mdr|MDR|media|Mitteldeutscher Rundfunk|||DEU
ndr|NDR|media|Norddeutscher Rundfunk|||DEU
wdr|WDR|media|Westdeutscher Rundfunk|||DEU
br|BR|media|Bayerischer Rundfunk|||DEU
swr|SWR|media|Südwestrundfunk|||DEU
rbb|rbb|media|Rundfunk Berlin-Brandenburg|||DEU
hr|Hessischer Rundfunk|media||||DEU
dw|Deutsche Welle|media|DW|||DEU
hamas|Hamas|organisation||Q38799||
hisbollah|Hisbollah|organisation|Hezbollah|Q41053||
huthi|Huthi-Miliz|organisation|Huthis,Huthi,Houthis|||
taliban|Taliban|organisation||||
is|Islamischer Staat|organisation|IS,Terrormiliz IS|||
"""

# One-word aliases that are also ordinary nouns ("in den Spiegel schauen", "Zeit", "Welt",
# "Stern", "Bild"): they name the organisation only where the tagger does not read a common noun.
COMMON_WORD_ALIASES = frozenset({"Spiegel", "Stern", "Bild", "Welt", "Zeit", "Meta", "Apple", "Amazon", "Telegram"})

# German and Austrian states (city states are their city): name | adjective stems (comma)
STATES = """
DE|Schleswig-Holstein|schleswig-holsteinisch
DE|Niedersachsen|niedersächsisch
DE|Nordrhein-Westfalen|nordrhein-westfälisch
DE|Hessen|hessisch
DE|Rheinland-Pfalz|rheinland-pfälzisch
DE|Baden-Württemberg|baden-württembergisch
DE|Bayern|bayerisch
DE|Saarland|saarländisch
DE|Brandenburg|brandenburgisch
DE|Mecklenburg-Vorpommern|mecklenburg-vorpommersch
DE|Sachsen|sächsisch
DE|Sachsen-Anhalt|sachsen-anhaltisch
DE|Thüringen|thüringisch
AT|Burgenland|burgenländisch
AT|Kärnten|kärntnerisch
AT|Niederösterreich|niederösterreichisch
AT|Oberösterreich|oberösterreichisch
AT|Steiermark|steirisch
AT|Tirol|tirolerisch
AT|Vorarlberg|vorarlbergisch
"""

# name | aliases (comma) | surname forms matched alone (comma) | country | QID (certain only) | MP name
# The last column names the Bundestag member whose record gives the Wikidata QID (if different).
PERSONS = """
Wolodymyr Selenskyj|Wolodymyr Selensky,Wolodimir Selenski,Volodymyr Zelensky,Volodymyr Zelenskyy|Selenskyj,Selensky,Selenskij,Zelensky,Zelenskyy|UKR|Q3874799
Wladimir Putin|Vladimir Putin,Wladimir Wladimirowitsch Putin|Putin|RUS|Q7747
Olaf Scholz||Scholz|DEU|
Friedrich Merz||Merz|DEU|
Joe Biden|Joseph Biden,Joseph R. Biden|Biden|USA|Q6279
Donald Trump|Donald J. Trump|Trump|USA|Q22686
Barack Obama||Obama|USA|Q76
Kamala Harris||Harris|USA|Q10853588
Antony Blinken||Blinken|USA|
Emmanuel Macron||Macron|FRA|Q3052772
Xi Jinping||Xi|CHN|Q15031
Kim Jong Un|Kim Jong-un,Kim Jong-Un,Kim Jongun||PRK|Q56226
Recep Tayyip Erdoğan|Recep Tayyip Erdogan,Tayyip Erdogan,Tayyip Erdoğan|Erdoğan,Erdogan|TUR|Q39259
Benjamin Netanjahu|Benjamin Netanyahu|Netanjahu,Netanyahu|ISR|Q43174
Ursula von der Leyen||von der Leyen|DEU|
Angela Merkel||Merkel|DEU|
Mark Rutte||Rutte|NLD|
Jens Stoltenberg||Stoltenberg|NOR|
António Guterres|Antonio Guterres|Guterres|PRT|
Annalena Baerbock||Baerbock|DEU|
Robert Habeck||Habeck|DEU|
Boris Pistorius||Pistorius|DEU|
Christian Lindner||Lindner|DEU|
Frank-Walter Steinmeier||Steinmeier|DEU|
Nancy Faeser||Faeser|DEU|
Karl Lauterbach||Lauterbach|DEU|
Sahra Wagenknecht||Wagenknecht|DEU|
Alice Weidel||Weidel|DEU|
Markus Söder||Söder|DEU|
Keir Starmer||Starmer|GBR|
Rishi Sunak||Sunak|GBR|
Giorgia Meloni||Meloni|ITA|
Pedro Sánchez|Pedro Sanchez||ESP|
Donald Tusk||Tusk|POL|
Viktor Orbán|Viktor Orban|Orbán,Orban|HUN|
Sergej Lawrow|Sergei Lawrow,Sergey Lavrov|Lawrow|RUS|
Dmitri Peskow|Dmitrij Peskow,Dmitry Peskov|Peskow|RUS|
Alexander Lukaschenko|Alexander Lukaschenka,Alexander Lukashenko|Lukaschenko|BLR|
Ali Chamenei|Ali Khamenei,Ajatollah Chamenei|Chamenei|IRN|
Narendra Modi||Modi|IND|
Luiz Inácio Lula da Silva|Lula da Silva,Luiz Inacio Lula da Silva|Lula|BRA|
Mahmud Abbas|Mahmoud Abbas||PSE|
Papst Franziskus|||VAT|
Karl Nehammer||Nehammer|AUT|
Alexander Van der Bellen|Alexander van der Bellen|Van der Bellen|AUT|
Charles Michel|||BEL|
"""

# name | aliases (comma) | country alpha-3 (empty: none) | kind (city/region)
WORLD_PLACES = """
Moskau||RUS|city
Sankt Petersburg|St. Petersburg|RUS|city
Kursk||RUS|city
Belgorod||RUS|city
Kaliningrad||RUS|city
Kiew|Kyjiw,Kyiv,Kijiw|UKR|city
Charkiw|Charkow,Kharkiv|UKR|city
Donezk|Donetsk|UKR|city
Luhansk|Lugansk|UKR|city
Cherson|Kherson|UKR|city
Saporischschja|Saporoschje,Zaporizhzhia|UKR|city
Odessa|Odesa|UKR|city
Lwiw|Lemberg,Lviv|UKR|city
Mariupol||UKR|city
Bachmut||UKR|city
Awdijiwka||UKR|city
Dnipro||UKR|city
Sewastopol||UKR|city
Krim|Halbinsel Krim|UKR|region
Donbass|Donbas|UKR|region
Gazastreifen|Gaza,Gaza-Streifen|PSE|region
Westjordanland|Westbank|PSE|region
Rafah||PSE|city
Chan Junis|Khan Younis|PSE|city
Tel Aviv||ISR|city
Jerusalem||ISR|city
Golanhöhen||SYR|region
Teheran||IRN|city
Washington||USA|city
New York|New York City|USA|city
Peking|Beijing|CHN|city
Hongkong||CHN|city
Brüssel||BEL|city
Paris||FRA|city
Straßburg||FRA|city
London||GBR|city
Den Haag||NLD|city
Genf||CHE|city
Davos||CHE|city
Istanbul||TUR|city
Bergkarabach|Berg-Karabach|AZE|region
Transnistrien||MDA|region
Abchasien||GEO|region
Südossetien||GEO|region
Xinjiang||CHN|region
Tibet||CHN|region
Nahost|Naher Osten||region
Europa|||region
Afrika|||region
Asien|||region
Nordamerika|||region
Südamerika|||region
Lateinamerika|||region
Balkan|||region
Kaukasus|||region
Arktis|||region
Antarktis|||region
"""

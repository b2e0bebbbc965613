/**
 * Name parts for generated pupils: common in Dutch schools, all ISO-8859-1, with the diacritics the BRON
 * files must carry intact. Invented combinations only; never real pupil data.
 */
export const VOORNAMEN_M = [
  'Daan', 'Sem', 'Noah', 'Lucas', 'Liam', 'Levi', 'Finn', 'Luuk', 'Milan', 'Bram', 'Thijs', 'Jesse', 'Sven', 'Mees', 'Jens', 'Ruben',
  'Gijs', 'Teun', 'Siem', 'Julian', 'Boaz', 'Thomas', 'Mats', 'Stijn', 'Daniël', 'Noël', 'Joël', 'Raphaël', 'Mohamed', 'Adam', 'Yusuf',
  'Ömer', 'Emre', 'Mehmet', 'Ayoub', 'Jurriën', 'Rafaël', 'Hugo', 'Olivier', 'Tygo', 'Sjoerd', 'Wouter', 'Kévin', 'José', 'André', 'Jérôme',
];
export const VOORNAMEN_V = [
  'Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nora', 'Eva', 'Noor', 'Lotte', 'Fleur', 'Anna', 'Lieke', 'Saar', 'Yara',
  'Liv', 'Fenna', 'Isa', 'Evi', 'Roos', 'Sanne', 'Chloë', 'Anaïs', 'Inès', 'Noëlle', 'Maëlle', 'Linde', 'Femke', 'Hanna', 'Amira', 'Fatima',
  'Aïcha', 'Elif', 'Zeynep', 'Merel', 'Lisa', 'Julie', 'Zoï', 'Océane', 'Renée', 'Hélène', 'Björk', 'Mónica', 'Maïa', 'Loïs',
];
export const TUSSENNAMEN = ['Anne', 'Marie', 'Johannes', 'Maria', 'Jan', 'Pieter', 'Sophie', 'Hendrik', 'Cornelis', 'Elisabeth', 'Willem', 'Catharina'];

/** [voorvoegsel, achternaam]; an empty voorvoegsel for names without one. */
export const ACHTERNAMEN: readonly (readonly [string, string])[] = [
  ['de', 'Jong'], ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'], ['', 'Janssen'], ['', 'Visser'],
  ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'], ['', 'Bos'], ['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'],
  ['van', 'Leeuwen'], ['', 'Dekker'], ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'], ['de', 'Graaf'], ['van der', 'Meer'],
  ['van der', 'Linden'], ['', 'Kok'], ['', 'Jacobs'], ['de', 'Haan'], ['', 'Vermeulen'], ['van den', 'Heuvel'], ['van der', 'Veen'],
  ['van den', 'Broek'], ['de', 'Bruijn'], ['de', 'Bruin'], ['van der', 'Heijden'], ['', 'Schouten'], ['van', 'Beek'], ['', 'Willems'],
  ['van', 'Vliet'], ['van de', 'Ven'], ['', 'Hoekstra'], ['', 'Maas'], ['', 'Verhoeven'], ['', 'Koster'], ['van', 'Dam'], ['van der', 'Wal'],
  ['', 'Prins'], ['', 'Blom'], ['', 'Huisman'], ['', 'Peeters'], ['de', 'Jonge'], ['', 'Kuipers'], ['van', 'Veen'], ['', 'Post'],
  ['', 'Kuiper'], ['', 'Veenstra'], ['', 'Kramer'], ['van den', 'Brink'], ['', 'Scholten'], ['van', 'Wijk'], ['', 'Postma'], ['', 'Martens'],
  ['', 'Vink'], ['de', 'Ruiter'], ['', 'Timmermans'], ['', 'Groen'], ['', 'Gerritsen'], ['', 'Jonker'], ['van', 'Loon'], ['', 'Boer'],
  ['', 'Verbeek'], ['', 'Sanders'], ['', 'Linssen'], ['', 'Yilmaz'], ['', 'Öztürk'], ['', 'Çelik'], ['', 'Sahin'],
  ['', 'Kaya'], ['', 'Demir'], ['', 'El Amrani'], ['', 'Bouzid'], ['', 'Müller'], ['', 'Schäfer'], ['', 'Sánchez'], ['', 'Pérez'],
  ['', 'García'], ['', 'Gonçalves'], ['', 'Nuñez'], ['', 'Brontë'], ['', 'Hoëbe'], ['', 'Citroën'], ['', 'Geërts'], ['', 'Daniëls'],
  ["'t", 'Hart'], ["'t", 'Hooft'], ['ter', 'Horst'], ['ten', 'Have'], ['in het', 'Veld'], ['van', "'t Zand"], ['d\'', 'Ancona'], ['le', 'Clercq'],
  ['', 'Nguyen'], ['', 'Wisniewski'], ['', 'Kowalski'], ['', 'Ødegaard'], ['', 'Ångström'], ['', 'Ferreira'], ['', 'Ibrahim'],
];

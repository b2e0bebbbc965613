/** Places for the simulated BAG: postcode region (first two digits), gemeentecode, approximate centre. */
export const PLAATSEN: { plaatsnaam: string; gemeentecode: string; pc: [number, number]; lat: number; lon: number }[] = [
  { plaatsnaam: 'Amsterdam', gemeentecode: '0363', pc: [10, 11], lat: 52.37, lon: 4.89 },
  { plaatsnaam: 'Haarlem', gemeentecode: '0392', pc: [20, 20], lat: 52.38, lon: 4.64 },
  { plaatsnaam: 'Leiden', gemeentecode: '0546', pc: [23, 23], lat: 52.16, lon: 4.49 },
  { plaatsnaam: "'s-Gravenhage", gemeentecode: '0518', pc: [25, 25], lat: 52.08, lon: 4.3 },
  { plaatsnaam: 'Delft', gemeentecode: '0503', pc: [26, 26], lat: 52.01, lon: 4.36 },
  { plaatsnaam: 'Rotterdam', gemeentecode: '0599', pc: [30, 30], lat: 51.92, lon: 4.48 },
  { plaatsnaam: 'Dordrecht', gemeentecode: '0505', pc: [33, 33], lat: 51.81, lon: 4.67 },
  { plaatsnaam: 'Utrecht', gemeentecode: '0344', pc: [35, 35], lat: 52.09, lon: 5.12 },
  { plaatsnaam: 'Amersfoort', gemeentecode: '0307', pc: [38, 38], lat: 52.16, lon: 5.39 },
  { plaatsnaam: 'Middelburg', gemeentecode: '0687', pc: [43, 43], lat: 51.5, lon: 3.61 },
  { plaatsnaam: 'Breda', gemeentecode: '0758', pc: [48, 48], lat: 51.59, lon: 4.78 },
  { plaatsnaam: 'Tilburg', gemeentecode: '0855', pc: [50, 50], lat: 51.56, lon: 5.09 },
  { plaatsnaam: "'s-Hertogenbosch", gemeentecode: '0796', pc: [52, 52], lat: 51.69, lon: 5.3 },
  { plaatsnaam: 'Eindhoven', gemeentecode: '0772', pc: [56, 56], lat: 51.44, lon: 5.48 },
  { plaatsnaam: 'Venlo', gemeentecode: '0983', pc: [59, 59], lat: 51.37, lon: 6.17 },
  { plaatsnaam: 'Maastricht', gemeentecode: '0935', pc: [62, 62], lat: 50.85, lon: 5.69 },
  { plaatsnaam: 'Nijmegen', gemeentecode: '0268', pc: [65, 65], lat: 51.84, lon: 5.86 },
  { plaatsnaam: 'Arnhem', gemeentecode: '0202', pc: [68, 68], lat: 51.98, lon: 5.91 },
  { plaatsnaam: 'Apeldoorn', gemeentecode: '0200', pc: [73, 73], lat: 52.21, lon: 5.97 },
  { plaatsnaam: 'Enschede', gemeentecode: '0153', pc: [75, 75], lat: 52.22, lon: 6.89 },
  { plaatsnaam: 'Zwolle', gemeentecode: '0193', pc: [80, 80], lat: 52.52, lon: 6.09 },
  { plaatsnaam: 'Leeuwarden', gemeentecode: '0080', pc: [89, 89], lat: 53.2, lon: 5.8 },
  { plaatsnaam: 'Groningen', gemeentecode: '0014', pc: [97, 97], lat: 53.22, lon: 6.57 },
  { plaatsnaam: 'Assen', gemeentecode: '0106', pc: [94, 94], lat: 52.99, lon: 6.56 },
];

export const STRATEN = [
  'Schoolstraat', 'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsweg', 'Julianalaan', 'Beatrixlaan', 'Wilhelminastraat', 'Lindelaan', 'Eikenlaan',
  'Berkenlaan', 'Kastanjelaan', 'Parklaan', 'Vondelstraat', 'Rembrandtlaan', 'Merelstraat', 'Zwanenhof', 'Havenweg', 'Dijkstraat', 'Esdoornlaan',
];

export const SCHOOLNAMEN = [
  'De Regenboog', 'Het Kompas', 'De Wegwijzer', 'De Zonnebloem', 'De Vlinder', 'Het Palet', 'De Springplank', 'De Ark', 'De Fontein', 'Het Baken',
  'De Klimop', 'De Bron', 'Het Anker', 'De Sterrenwacht', 'De Horizon', 'De Windroos', 'Het Mozaïek', 'De Boomgaard', 'De Meander', 'De Sleutel',
  'De Tweemaster', 'Het Talent', 'De Wilgenhoek', 'De Driesprong', 'De Toermalijn', 'De Kameleon', 'Het Startpunt', 'De Notenkraker', 'Klavertje Vier', 'De Parel',
];

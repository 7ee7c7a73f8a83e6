/**
 * Word lists for fictional clients and addresses: common Dutch given names and surnames, combined at random, so
 * no record describes a real person.
 */
export const boyNames = [
  'Noah', 'Liam', 'Luca', 'Lucas', 'Sem', 'Mees', 'Daan', 'Levi', 'Finn', 'Milan', 'Bram', 'Thijs', 'Jesse', 'Max',
  'Sam', 'Ruben', 'Tim', 'Lars', 'Jayden', 'Mohamed', 'Adam', 'Julian', 'Stijn', 'Gijs', 'Jens', 'Thomas', 'Niels',
  'Hugo', 'Olivier', 'Siem', 'Boaz', 'Teun', 'Dex', 'Jurre', 'Ryan', 'Kevin', 'Yusuf', 'Mats', 'Pim', 'Joep',
] as const;

export const girlNames = [
  'Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nora', 'Yara', 'Eva', 'Liv', 'Lotte', 'Evi', 'Noor',
  'Anna', 'Lieke', 'Fleur', 'Isa', 'Saar', 'Roos', 'Sanne', 'Femke', 'Lisa', 'Fenna', 'Nina', 'Amira', 'Maud',
  'Vera', 'Jasmijn', 'Elin', 'Hanna', 'Ilse', 'Lynn', 'Romy', 'Iris', 'Merel', 'Floor', 'Aya', 'Lina', 'Esmee',
] as const;

/** [achternaam, voorvoegsel]; the empty voorvoegsel is left out of the message. */
export const surnames: ReadonlyArray<readonly [string, string]> = [
  ['Jong', 'de'], ['Jansen', ''], ['Vries', 'de'], ['Berg', 'van den'], ['Dijk', 'van'], ['Bakker', ''],
  ['Janssen', ''], ['Visser', ''], ['Smit', ''], ['Meijer', ''], ['Boer', 'de'], ['Mulder', ''], ['Groot', 'de'],
  ['Bos', ''], ['Vos', ''], ['Peters', ''], ['Hendriks', ''], ['Leeuwen', 'van'], ['Dekker', ''], ['Brouwer', ''],
  ['Wit', 'de'], ['Dijkstra', ''], ['Smits', ''], ['Graaf', 'de'], ['Meer', 'van der'], ['Linden', 'van der'],
  ['Kok', ''], ['Jacobs', ''], ['Haan', 'de'], ['Vermeulen', ''], ['Heuvel', 'van den'], ['Veen', 'van der'],
  ['Broek', 'van den'], ['Bruijn', 'de'], ['Schouten', ''], ['Beek', 'van'], ['Willems', ''], ['Vliet', 'van'],
  ['Ven', 'van de'], ['Hoekstra', ''], ['Maas', ''], ['Verhoeven', ''], ['Koster', ''], ['Prins', ''], ['Blom', ''],
  ['Huisman', ''], ['Peeters', ''], ['Kuipers', ''], ['Veenstra', ''], ['Yilmaz', ''], ['El Amrani', ''],
  ['Kaya', ''], ['Bennani', ''], ['Nguyen', ''], ['Pinas', ''], ['Sedney', ''], ['Kramer', ''], ['Post', ''],
];

export const streetNames = [
  'Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Schoolstraat', 'Julianalaan', 'Beatrixstraat', 'Lindenlaan',
  'Eikenlaan', 'Wilhelminastraat', 'Stationsweg', 'Parallelweg', 'Kastanjelaan', 'Merelstraat', 'Lekdijk',
  'Nieuwstraat', 'Oranjestraat', 'Prinses Irenelaan', 'Rozenstraat', 'Tulpstraat', 'Zandweg', 'Burgemeesterslaan',
  'Waterlinieweg', 'Zwanenvecht', 'Vreeswijksestraat', 'Lopikerweg', 'Achterweg', 'Singel', 'Havenstraat',
] as const;

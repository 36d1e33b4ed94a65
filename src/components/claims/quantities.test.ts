import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities, scanNumbers } from './quantities.js';

/** [input, expected text of the value span, low, high, qualifier] */
const VALUES: [string, string, number, number, string][] = [
  ['2,000 people', '2,000', 2000, 2000, 'exact'],
  ['3.5 km', '3.5 km', 3.5, 3.5, 'exact'],
  ['1.2 million people', '1.2 million', 1.2e6, 1.2e6, 'exact'],
  ['cost $5bn', '$5bn', 5e9, 5e9, 'exact'],
  ['two soldiers', 'two', 2, 2, 'exact'],
  ['twenty-five soldiers', 'twenty-five', 25, 25, 'exact'],
  ['a dozen eggs', 'a dozen', 12, 12, 'exact'],
  ['hundreds of people', 'hundreds', 100, 1000, 'approx'],
  ['tens of thousands of dollars', 'tens of thousands', 1e4, 1e5, 'approx'],
  ['40% of voters', '40%', 40, 40, 'exact'],
  ['40 percent', '40 percent', 40, 40, 'exact'],
  ['40 per cent', '40 per cent', 40, 40, 'exact'],
  ['2,000-3,000 fighters', '2,000-3,000', 2000, 3000, 'exact'],
  ['2,000–3,000 fighters', '2,000–3,000', 2000, 3000, 'exact'],
  ['between 5 and 10 km', '5 and 10 km', 5, 10, 'exact'],
  ['from 20 to 30 people', '20 to 30', 20, 30, 'exact'],
  ['1.2 to 1.5 million barrels', '1.2 to 1.5 million barrels', 1.2e6, 1.5e6, 'exact'],
  ['about 5 km', 'about 5 km', 5, 5, 'approx'],
  ['around 30,000', 'around 30,000', 30000, 30000, 'approx'],
  // A thousands separator followed by a stray space (tokenized or badly scraped text).
  ['more than 26, 000 people', 'more than 26, 000', 26000, 26000, 'more_than'],
  ['killed 1, 250, 000.', '1, 250, 000', 1250000, 1250000, 'exact'],
  ['approximately 7 tons', 'approximately 7 tons', 7, 7, 'approx'],
  ['roughly 300 Hz', 'roughly 300 Hz', 300, 300, 'approx'],
  ['some 200 people', 'some 200', 200, 200, 'approx'],
  ['nearly 30,000 people', 'nearly 30,000', 30000, 30000, 'approx'],
  ['almost 70kg', 'almost 70kg', 70, 70, 'approx'],
  ['an estimated 1,000 troops', 'an estimated 1,000', 1000, 1000, 'approx'],
  ['up to 50,000 fighters', 'up to 50,000', 50000, 50000, 'up_to'],
  ['as many as 10,000', 'as many as 10,000', 10000, 10000, 'up_to'],
  ['at least 74 mph', 'at least 74 mph', 74, 74, 'at_least'],
  ['no fewer than 12 ships', 'no fewer than 12', 12, 12, 'at_least'],
  ['more than 900 doctors', 'more than 900', 900, 900, 'more_than'],
  ['over 4,000 men', 'over 4,000', 4000, 4000, 'more_than'],
  ['above 10 kV', 'above 10 kV', 10, 10, 'more_than'],
  ['in excess of $1m', 'in excess of $1m', 1e6, 1e6, 'more_than'],
  ['stronger than 40,000', 'stronger than 40,000', 40000, 40000, 'more_than'],
  ['upwards of 500 homes', 'upwards of 500', 500, 500, 'more_than'],
  ['less than 5%', 'less than 5%', 5, 5, 'less_than'],
  ['under $10', 'under $10', 10, 10, 'less_than'],
  ['below 2%', 'below 2%', 2, 2, 'less_than'],
  ['fewer than 20 minutes', 'fewer than 20 minutes', 20, 20, 'less_than'],
  ['30,000-plus fans', '30,000-plus', 30000, 30000, 'more_than'],
  ['minus 233 Celsius', 'minus 233 Celsius', -233, -233, 'exact'],
  ['2 1/2 hours', '2 1/2 hours', 2.5, 2.5, 'exact'],
  ['two-thirds of voters', 'two-thirds', 2 / 3, 2 / 3, 'exact'],
  ['mass of 1.99×10−30 kg', '1.99×10−30 kg', 1.99e-30, 1.99e-30, 'exact'],
];

test('number, range and hedge grammar', () => {
  for (const [input, span, low, high, qualifier] of VALUES) {
    const qs = findQuantities(input);
    assert.equal(qs.length, 1, `${input}: ${JSON.stringify(qs)}`);
    const q = qs[0]!;
    assert.equal(input.slice(q.start, q.end), span, input);
    assert.ok(Math.abs(q.low - low) < 1e-9 * Math.max(1, Math.abs(low)), `${input}: low ${q.low}`);
    assert.ok(Math.abs(q.high - high) < 1e-9 * Math.max(1, Math.abs(high)), `${input}: high ${q.high}`);
    assert.equal(q.qualifier, qualifier, input);
  }
});

/** [input, normalized unit, what is counted] */
const UNITS: [string, string | null, string | null][] = [
  ['$84', 'dollar', null],
  ['€200', 'euro', null],
  ['£1,000 payment', 'pound sterling', null],
  ['500 dollars', 'dollar', null],
  ['9 billion yuan', 'chinese yuan', null],
  ['10 billion rubles', 'russian ruble', null],
  ['HK$3.7 billion', 'hong kong dollar', null],
  ['1.38pc', 'percentage', null],
  ['60 basis points', 'basis point', null],
  ['400 kilometres', 'kilometre', null],
  ['570 sq m', 'square metre', null],
  ['278kg', 'kilogram', null],
  ['50mL', 'millilitre', null],
  ['200 days', 'day', null],
  ['87 mph', 'mile per hour', null],
  ['$3500 a month', 'dollar per month', null],
  ['$10 per gram', 'dollar per gram', null],
  ['78,000 times a minute', 'count per minute', null],
  ['80 countries', null, 'countries'],
  ['200 people', null, 'people'],
  ['2,000 ISIL militants', null, 'militants'],
  ['eight more picks', null, 'picks'],
  // An all-caps short time word is an acronym ("HR" home runs), the spelled-out word in capitals a unit.
  ['203 HR', null, null],
  ['3 HOURS', 'hour', null],
  ['3 hrs', 'hour', null],
];

test('units and counted nouns', () => {
  for (const [input, unit, of] of UNITS) {
    const q = findQuantities(input)[0];
    assert.ok(q, input);
    assert.equal(q.normalizedUnit, unit, input);
    assert.equal(q.of, of, input);
  }
});

/** [input, outOf, direction, baselineCue] */
const RELATIONS: [string, number | null, 'up' | 'down' | null][] = [
  ['25 out of 34 provinces', 34, null],
  ['one in five adults', 5, null],
  ['25 out of the country’s 34 provinces', 34, null],
  ['sales rose 9.4%', null, 'up'],
  ['profit increased by 5 percent', null, 'up'],
  ['shares fell 3%', null, 'down'],
  ['exports dropped 2 per cent', null, 'down'],
  ['Blackmores up 9.4 per cent', null, 'up'],
  ['the index was down 1%', null, 'down'],
  ['Dow +0.2%', null, 'up'],
  ['a defense that gave up 517 yards', null, null],
];

test('denominators and direction', () => {
  for (const [input, outOf, direction] of RELATIONS) {
    const q = findQuantities(input)[0];
    assert.ok(q, input);
    assert.equal(q.outOf, outOf, input);
    assert.equal(q.direction, direction, input);
  }
});

test('baselines are marked', () => {
  const qs = findQuantities('nearly 30,000 fighters, up from 15,000 last year');
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.baselineCue, false);
  assert.equal(qs[1]!.baselineCue, true);
  assert.equal(qs[1]!.low, 15000);
});

test('units carry over to bare neighbours', () => {
  const qs = findQuantities('eight or nine euros; 435 homes by sale and 187 by tender');
  assert.deepEqual(qs.map((q) => q.normalizedUnit ?? q.of), ['euro', 'euro', 'homes', 'homes']);
  assert.ok(qs[0]!.unitInferred);
});

/** [input, the kind every number in it has] — none are claims. */
const NOT_QUANTITIES: [string, string][] = [
  ['in 2015 the war', 'year'],
  ['In 2013-2014, it called itself', 'date'],
  ['In June 2014, IS announced', 'year'],
  ['the 1990s', 'year'],
  ['on October 16-17 in Paris', 'date'],
  ['on Sept. 30 they', 'date'],
  ['strikes on September 30.', 'date'],
  ['on 30 September the', 'date'],
  ['on 2019-05-12 the', 'date'],
  ['at 9:35 PM', 'time'],
  ['at 11 a.m. Wednesday', 'time'],
  ['at 1.56pm:', 'time'],
  ['took 9th place', 'ordinal'],
  ['the 21st century', 'ordinal'],
  ['Su-24M jets', 'designation'],
  ['Mi-8 helicopters', 'designation'],
  ['F-16 fighters', 'designation'],
  ['5G networks', 'designation'],
  ['the S&P 500 rose', 'designation'],
  ['the iPhone 12 sold', 'designation'],
  ['Boeing’s 787 Dreamliner flew', 'designation'],
  ['call 555-123-4567 now', 'phone'],
  ['call +7 495 123 45 67 now', 'phone'],
  ['see page 5 for', 'reference'],
  ['under Article 5 of', 'reference'],
  ['section 230 of', 'reference'],
  ['Flight 17 was', 'reference'],
  ['Maddon, 66, has', 'age'],
  ['her partner Julien Moreau, 34.', 'age'],
  // Versions, stages and lists of designations; a security term.
  ['in version 7 of the browser', 'reference'],
  ['in Internet Explorer 8 and 9.', 'designation'],
  ['a very Web 2.0 way', 'designation'],
  ['a zero-day flaw', 'designation'],
  // An apartment or suite number; a span of clock times.
  ['at Apt. 1C on', 'reference'],
  ['open between 12 and 8 p.m. daily', 'time'],
  // List markers, citation marks and journal numbers.
  ['24. What kind of water cannot freeze?', 'ordinal'],
  ['the density of your body (11).', 'reference'],
  ['J Clin Med. 2010;20(7):556–62.', 'year'],
  // A dateline in capitals.
  ['DECEMBER 16, 2008', 'date'],
  ['on JUNE 3 the', 'date'],
];

test('numbers that are not amounts', () => {
  for (const [input, kind] of NOT_QUANTITIES) {
    assert.deepEqual(findQuantities(input), [], input);
    const all = scanNumbers(input);
    assert.ok(all.length >= 1, input);
    assert.equal(all[0]!.kind, kind, input);
  }
});

test('"000" alone is no figure', () => {
  assert.deepEqual(findQuantities('about 000 people'), []);
});

test('offset shifts spans', () => {
  const q = findQuantities('about 40%', 100)[0]!;
  assert.deepEqual([q.start, q.end], [100, 109]);
});

/** [input, index of the figure, normalized unit, what is counted] — counted nouns and units added with the claims rework. */
const MORE_UNITS: [string, number, string | null, string | null][] = [
  // -men plurals end the counted phrase.
  ['about 60 commercial fishermen, who', 0, null, 'fishermen'],
  // Possessives after "one of".
  ['one of my local stores', 0, null, 'stores'],
  // A compound modifier names what is counted.
  ['four-, five- and six-cylinder engine options', 2, null, 'cylinder'],
  ['four-, five- and six-cylinder engine options', 0, null, 'cylinder'],
  // Fractions count a phrase, singular too ("of the US population", "half the condos"), or a unit ("of a US pint").
  ['One fourth of the US population', 0, null, 'population'],
  ['Half the condos have sold', 0, null, 'condos'],
  ['1/16 of a US pint', 0, 'pint', null],
  // "a year earlier" is no rate.
  ['from $6.78 billion a year earlier', 0, 'dollar', null],
  ['$3500 a month', 0, 'dollar per month', null],
  // A bare figure converted in parentheses keeps no earlier unit.
  ['worth $5bn, and 771.3 billion ($1tn)', 1, null, null],
  // Singular compounds after a figure; superlatives with "most" and modifiers joined by "and".
  ['have a three course meal all the wine', 0, null, 'meal'],
  ['The 11 member trade agreement, dubbed', 0, null, 'agreement'],
  ['one of the most gifted and unpredictable attackers in the league', 0, null, 'attackers'],
  // An age is no unit for a later figure.
  ['the then 18 year-old winger, one of the best', 1, null, null],
  // A share says what it is of, unless that is a name.
  ['control around 40% of the Iraqi territory and', 0, 'percentage', 'territory'],
  ['make up 40% of Islamic State', 0, 'percentage', null],
  // "sixfold" is six times.
  ['grew more than sixfold to $3.7 billion', 0, 'count', null],
];

test('counted phrases, fractions of units, rates and conversions', () => {
  for (const [input, i, unit, of] of MORE_UNITS) {
    const q = findQuantities(input)[i];
    assert.ok(q, input);
    assert.equal(q.normalizedUnit, unit, input);
    assert.equal(q.of, of, input);
  }
});

/** [input, index of the figure, direction, qualifier] — direction and hedges carried across a clause. */
const CARRIED: [string, number, 'up' | 'down' | null, string][] = [
  // A baseline is no change itself.
  ['78 per cent in cash, up from 50 per cent', 1, null, 'exact'],
  // A restatement keeps the change; so does the level a change ended at.
  ['up 0.25 points, or 0.01%', 1, 'up', 'exact'],
  ['the index ended down 1% at 1,463.78 points', 1, 'down', 'exact'],
  ['it lost 1.1% to end at 1,334.20', 1, 'down', 'exact'],
  ['revenue jumped 90 per cent to $7.2 billion', 1, null, 'exact'],
  // A verb with its object before "by": "grow sales by 35 per cent", "revised upward by".
  ['expected to grow sales by 35 per cent', 0, 'up', 'exact'],
  ['revised upward by $40 billion', 0, 'up', 'exact'],
  // A conversion in parentheses keeps the hedge.
  ['just under 296 hp (224 kW / 300 PS)', 1, null, 'less_than'],
  ['just under 296 hp (224 kW / 300 PS)', 2, null, 'less_than'],
];

test('direction and hedges carried to restatements and conversions', () => {
  for (const [input, i, direction, qualifier] of CARRIED) {
    const q = findQuantities(input)[i];
    assert.ok(q, input);
    assert.equal(q.direction, direction, input);
    assert.equal(q.qualifier, qualifier, input);
  }
});

/** [input, index among all numbers, kind, low, high] — ranges, signs and number forms added for quantulum3's sentences. */
const FORMS: [string, number, string, number, number][] = [
  // A hanging hyphen beside "to" still makes a range.
  ['a conceptualized 8- to 16-meter telescope', 0, 'quantity', 8, 16],
  ['a 200,000 to-260,000 year-old skull', 0, 'quantity', 200000, 260000],
  // Signed ranges.
  ['temperatures ranged from -18 °C to -34 °C', 0, 'quantity', -34, -18],
  ['-78-0 degrees Celsius', 0, 'quantity', -78, 0],
  // A rate written on both ends of a range.
  ['rose from about $350 per kg to $680 per kg', 0, 'quantity', 350, 680],
  // A minus after the currency symbol.
  ['revenue is -15€ ($-99.99).', 1, 'quantity', -99.99, -99.99],
  // Scale suffix T after a currency; powers of other bases; improper fractions; comma after a scale word.
  ['Its GDP is $2.174T.', 0, 'quantity', 2.174e12, 2.174e12],
  ['exactly 8x2^10 bits', 0, 'quantity', 8192, 8192],
  ['Is three halves fractional?', 0, 'quantity', 1.5, 1.5],
  ['three million, two hundred & forty, you say?', 0, 'quantity', 3000240, 3000240],
  ['three million, two million', 0, 'quantity', 3e6, 3e6],
  // "hrs" is a duration after a small number.
  ['The shortest day has only 3 hrs.', 0, 'quantity', 3, 3],
  // Not amounts: an uncertainty, a slash pair, a year span, an exponent glued to a unit.
  ['9.83e-3 +/- 1e-5 km/s2', 1, 'tolerance', 1e-5, 1e-5],
  ['The number 1/0 is not valid', 0, 'designation', 1, 1],
  ['open 24/7', 0, 'designation', 24, 24],
  ['nothing in 2013-14.', 0, 'date', 2013, 2013],
  ['reached 1 fb−1 in 2005', 1, 'designation', 1, 1],
  ['cluster MACS J1149.5+6663, were', 0, 'designation', 1149.5, 1149.5],
];

test('ranges, signs and number forms', () => {
  for (const [input, i, kind, low, high] of FORMS) {
    const q = scanNumbers(input)[i];
    assert.ok(q, input);
    assert.equal(q.kind, kind, input);
    assert.ok(Math.abs(q.low - low) < 1e-9 * Math.max(1, Math.abs(low)), `${input}: low ${q.low}`);
    assert.ok(Math.abs(q.high - high) < 1e-9 * Math.max(1, Math.abs(high)), `${input}: high ${q.high}`);
  }
});

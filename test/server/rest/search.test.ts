import { containsPattern, normalizeText } from '../../../server/rest/search';

describe('normalizeText', () => {
  it.each([
    ['ÉLAN Water', 'elan water'],
    ['  Keystone   Valley\tElectric \n', 'keystone valley electric'],
    ['Ñandú Çedilla Ümlaut', 'nandu cedilla umlaut'],
    ['ﬁber', 'fiber'], // NFKD splits the ligature
    ['ISTANBUL', 'istanbul'],
    ['', ''],
    ['25-1234567', '25-1234567'],
  ])('%j → %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});

describe('containsPattern', () => {
  it.each([
    ['Water', '%water%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
    ['%_\\', '%\\%\\_\\\\%'],
    ['  Élan ', '%elan%'],
  ])('%j → %j', (input, output) => {
    expect(containsPattern(input)).toBe(output);
  });
});

import { describe, expect, it } from 'vitest';
import { detectHeader } from '../../../src/data';

const rows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split(','));
const detect = (text: string) => detectHeader(rows(text), false);

describe('header detection reads the whole first row against the rows below', () => {
  it('names above numbers: a header', () => {
    expect(detect('a,b,label\n1,2,x\n3,4,y')).toMatchObject({ header: true });
  });

  it('numbers in the first row are data', () => {
    const d = detect('5.1,3.5,setosa\n4.9,3.0,setosa');
    expect(d.header).toBe(false);
    expect(d.reason).toBe(
      'the first row holds numbers where names would be ("5.1" in column 1), so it is data',
    );
  });

  it('numbered columns and a word: a header', () => {
    const d = detect('0,1,2,3,target\n0.5,0.1,0.7,0.2,1\n0.3,0.9,0.4,0.8,0');
    expect(d.header).toBe(true);
    expect(d.reason).toBe(
      '"target" is text above a column of numbers, and its numbers 0, 1, 2, 3 count up in equal steps across the columns, as column names do, and no row below does that',
    );
  });

  it('years only: a header when no row below counts up the same way', () => {
    expect(detect('2019,2020,2021\n105,230,118\n99,101,87').header).toBe(true);
    expect(detect('2010,2015,2020,2025\n1.5,2.5,3.5,4.5').header).toBe(true);
  });

  it('a counting first row is data when rows below count up too', () => {
    expect(detect('1,2,3,a\n4,5,6,b\n7,8,9,c').header).toBe(false);
  });

  it('two numbers form names only one apart; a constant row is data', () => {
    expect(detect('1,2,label\n0.4,0.2,x').header).toBe(true);
    expect(detect('1,3,label\n0.4,0.2,x').header).toBe(false);
    expect(detect('0,0,0\n1,1,1\n2,2,0').header).toBe(false);
  });

  it('all-text tables: a header when its words never recur below, data when they do', () => {
    expect(detect('colour,size\nred,big\nblue,small')).toMatchObject({ header: true });
    const d = detect('red,big\nblue,small\nred,small');
    expect(d.header).toBe(false);
    expect(d.reason).toBe('"red" in the first row appears again below it in column 1, so it is data');
  });

  it('a blank first header cell (a pandas index) does not stop a header', () => {
    expect(detect(',a,label\n0,1.5,x\n1,2.5,y').header).toBe(true);
  });

  it('decimal commas count as numbers in semicolon files', () => {
    expect(
      detectHeader(
        [
          ['h', 'w'],
          ['1,5', '2,5'],
        ],
        true,
      ).header,
    ).toBe(true);
    expect(
      detectHeader(
        [
          ['1,5', 'x'],
          ['2,5', 'y'],
        ],
        true,
      ).header,
    ).toBe(false);
  });
});

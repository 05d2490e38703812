import { describe, expect, it } from 'vitest';
import { indefiniteArticle } from '../../src/scenario/indefinite-article.js';

describe('indefiniteArticle', () => {
  it.each([
    ['ending_arr', 'an'],
    ['expansion_arr', 'an'],
    ['"arr"', 'an'],
    ['Income', 'an'],
    ['"stage"', 'a'],
    ['leads', 'a'],
    ['unit', 'a'],
    ['', 'a'],
    ['empirical', 'an'],
    ['12', 'a'],
    ['18', 'an'],
    ['8', 'an'],
    ['11', 'an'],
    ['110', 'a'],
    ['180', 'a'],
    ['84', 'an'],
    ['18000', 'an'],
    ['1800', 'a'],
    ['60', 'a'],
  ] as const)('%j takes %j', (word, article) => {
    expect(indefiniteArticle(word)).toBe(article);
  });
});

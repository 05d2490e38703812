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
  ] as const)('%j takes %j', (word, article) => {
    expect(indefiniteArticle(word)).toBe(article);
  });
});

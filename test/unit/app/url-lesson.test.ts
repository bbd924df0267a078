/** A lesson's link: `#lesson=<id>` opens the lesson's setup, and the link's own keys override it. */
import { describe, expect, it } from 'vitest';
import { decodeSetup, encodeSetup } from '../../../src/app/url-state';
import { LESSONS, lessonById } from '../../../src/report/lessons/registry';
import { LESSON_SEED } from '../../../src/report/lessons/types';

describe('lesson links', () => {
  it('apply the lesson’s setup and space, and name the lesson', () => {
    const { setup, ui, notices } = decodeSetup('#lesson=learning-rate');
    expect(notices).toEqual([]);
    expect(ui.lesson).toBe('learning-rate');
    expect(setup.dataset.source).toEqual({ kind: 'catalogue', id: 'moons' });
    expect(setup.study.tuner.algorithm).toBe('grid');
    expect(setup.study.space).toEqual(lessonById('learning-rate')!.space);
  });

  it('let the link’s own keys override the lesson’s', () => {
    const { setup, ui } = decodeSetup('#lesson=validation-noise&seed=7');
    expect(ui.lesson).toBe('validation-noise');
    expect(setup.study.seed).toBe(7);
    expect(setup.dataset.size).toBe(667);
  });

  it('ignore an unknown lesson with a notice', () => {
    const { ui, notices } = decodeSetup('#lesson=nope');
    expect(ui.lesson).toBeUndefined();
    expect(notices).toEqual(['Ignored lesson="nope": there is no lesson of that name.']);
  });

  it('round-trip: the page’s link reopens the same lesson and setup', () => {
    for (const lesson of LESSONS) {
      const decoded = decodeSetup(`#lesson=${lesson.id}`);
      const hash = encodeSetup(decoded.setup, { lesson: decoded.ui.lesson });
      expect(hash).toMatch(new RegExp(`^#v=1&lesson=${lesson.id}&`));
      const again = decodeSetup(hash);
      expect(again.setup).toEqual(decoded.setup);
      expect(again.ui.lesson).toBe(lesson.id);
    }
  });

  it('every lesson runs at the lesson seed and walks through at least three steps', () => {
    for (const lesson of LESSONS) {
      expect(decodeSetup(`#lesson=${lesson.id}`).setup.study.seed).toBe(LESSON_SEED);
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
    }
  });
});

/** The guided lessons, in the order the picker lists them. */
import { badSpace } from './bad-space';
import { decay } from './decay';
import { hyperbandEpochs } from './hyperband-epochs';
import { learningRate } from './learning-rate';
import type { Lesson } from './types';
import { validationNoise } from './validation-noise';

export const LESSONS: readonly Lesson[] = [learningRate, decay, validationNoise, badSpace, hyperbandEpochs];

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);

package dev.convlab.lesson;

/** Judges a learner's kernel against an exercise's reference kernel, by what the two do to real images. */
public interface KernelJudge {

    Exercise.Verdict judge(Exercise exercise, float[][] kernel);
}

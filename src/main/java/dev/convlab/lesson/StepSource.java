package dev.convlab.lesson;

import java.util.List;

/** One step as its Markdown file describes it, front matter parsed and checked. */
public record StepSource(String slug, String title, int order, List<Exercise> exercises, String markdown,
        String sha256, String path, String text) {}

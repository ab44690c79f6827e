package dev.convlab.progress;

import io.quarkus.qute.TemplateExtension;

/** Formatting the dashboard's numbers in templates. */
@TemplateExtension
public class DashboardExtensions {

    /** 0.333… as "33%". */
    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}

package io.gradcheck.insights.web;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as plain SVG, drawn on the server: one bar per label, longest bar the full width, the
 * count written at the end of each bar. The SVG carries a title and a description, and the page repeats the
 * numbers in a table, so it reads without JavaScript and with a screen reader.
 */
final class BarChart {

    private static final int LABEL = 170;
    private static final int BARS = 360;
    private static final int ROW = 26;

    private BarChart() {
    }

    record Bar(String label, long value) {
    }

    static String svg(String id, String title, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int height = ROW * bars.size() + 8;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(LABEL + BARS + 60)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(LABEL + BARS + 60)
                .append(' ').append(height).append("\" aria-labelledby=\"").append(id).append("-t ").append(id)
                .append("-d\"><title id=\"").append(id).append("-t\">").append(Html.escape(title))
                .append("</title><desc id=\"").append(id).append("-d\">");
        for (int i = 0; i < bars.size(); i++) {
            s.append(i == 0 ? "" : "; ").append(Html.escape(bars.get(i).label())).append(": ")
                    .append(bars.get(i).value());
        }
        s.append("</desc>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            double w = max == 0 ? 0 : BARS * (double) b.value() / max;
            s.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" font-size=\"13\">").append(Html.escape(b.label())).append("</text>")
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", w)).append("\" height=\"").append(ROW - 6)
                    .append("\" fill=\"#b03a2e\"/>")
                    .append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", LABEL + w + 6)).append("\" y=\"")
                    .append(y + 16).append("\" font-size=\"13\">").append(b.value()).append("</text>");
        }
        return s.append("</svg>").toString();
    }
}

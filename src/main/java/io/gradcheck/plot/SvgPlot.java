package io.gradcheck.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws {@link DerivativePlot.Curves} as an SVG document (JFreeChart onto JFreeSVG): a title, labelled axes, the
 * derivative as a solid line and the answer dashed on top, so that a right answer shows one line and a wrong one
 * two. Text stays text in the SVG, so the labels can be read (and tested) as such.
 */
public final class SvgPlot {

    public static final String REFERENCE = "derivative (reference)";
    public static final String ANSWER = "your answer";
    static final int WIDTH = 640;
    static final int HEIGHT = 400;

    static {
        // JFreeChart draws rotated text (the vertical axis label) as glyph outlines by default, a workaround for
        // old JDK bugs; drawn as text it stays readable by screen readers, search and tests.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgPlot() {
    }

    public static String draw(DerivativePlot.Curves curves) {
        XYSeries reference = new XYSeries(REFERENCE, false, true);
        XYSeries answer = new XYSeries(ANSWER, false, true);
        for (int i = 0; i < curves.t().length; i++) {
            reference.add(curves.t()[i], curves.reference()[i]);
            answer.add(curves.t()[i], curves.answer()[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(reference);
        data.addSeries(answer);
        JFreeChart chart = ChartFactory.createXYLineChart(curves.title(), curves.xLabel(), curves.yLabel(), data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one SVG path per curve (broken where undefined), not 160 segments
        renderer.setSeriesPaint(0, new Color(0x1F5FAD));
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesPaint(1, new Color(0xC0392B));
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        plot.setRenderer(renderer);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }
}

package io.gradcheck.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.problems.ProblemSetDefinition;
import io.gradcheck.problems.ProblemSetDefinition.PartDefinition;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import io.gradcheck.problems.ProblemSetDefinition.WrongAnswer;
import io.gradcheck.problems.ProblemSetFiles;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class DerivativePlotTests {

    private static final Map<String, VariableSpec> X = Map.of("x", new VariableSpec(List.of(), null, null, null,
            null, null));

    @Test
    void aScalarFunctionIsPlottedOverTheVariablesDomain() {
        var right = DerivativePlot.compute(new DerivativePlot.Request("sin(x) x^3", X, "x", null, null,
                "cos(x) x^3 + 3 x^2 sin(x)", 7));
        assertThat(right.xLabel()).isEqualTo("x");
        assertThat(right.t()[0]).isEqualTo(-2.0);
        assertThat(right.t()[right.t().length - 1]).isEqualTo(2.0);
        assertThat(sameCurves(right)).isTrue();
        // f'(1) = cos(1) + 3 sin(1), at the middle sample of [-1, 1]... here of [-2, 2]: t = 1 is sample 120
        assertThat(right.reference()[120]).isCloseTo(Math.cos(1) + 3 * Math.sin(1), org.assertj.core.data.Offset.offset(1e-12));

        var wrong = DerivativePlot.compute(new DerivativePlot.Request("sin(x) x^3", X, "x", null, null,
                "3 x^2 cos(x)", 7));
        assertThat(sameCurves(wrong)).isFalse();
    }

    @Test
    void theSvgParsesAndHasTheTitleTheLabelsAndBothCurves() throws Exception {
        var curves = DerivativePlot.compute(new DerivativePlot.Request("x^T A x",
                Map.of("x", spec(3), "A", spec(3, 3)), "x", "gradient", null, "2 A x", 11));
        String svg = SvgPlot.draw(curves);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        List<String> texts = texts(doc);
        assertThat(texts).contains(curves.title(), "t", "D_v f(x₀ + t·v)", SvgPlot.REFERENCE, SvgPlot.ANSWER);
        assertThat(curves.title()).contains("random line");
        // one long stroked path per curve, in each curve's colour (the legend adds short lines of the same colours)
        assertThat(curvePaths(doc, "rgb(31,95,173)")).isEqualTo(1);
        assertThat(curvePaths(doc, "rgb(192,57,43)")).isEqualTo(1);
        assertThat(sameCurves(curves)).isFalse();
    }

    /** The figure of docs/performance.md, in process (the HTTP figure adds the server and the shared machine). */
    @Test
    void aPlotIsComputedAndDrawnInMilliseconds() {
        var request = new DerivativePlot.Request("x^T A x", Map.of("x", spec(3), "A", spec(3, 3)), "x", null, null,
                "2 A x", 11);
        for (int i = 0; i < 30; i++) {
            assertThat(SvgPlot.draw(DerivativePlot.compute(request))).contains("</svg>");
        }
        long[] compute = new long[50];
        long[] draw = new long[50];
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            var curves = DerivativePlot.compute(request);
            long t1 = System.nanoTime();
            SvgPlot.draw(curves);
            compute[i] = (t1 - t0) / 1000;
            draw[i] = (System.nanoTime() - t1) / 1000;
        }
        java.util.Arrays.sort(compute);
        java.util.Arrays.sort(draw);
        System.out.println("FIGURE plot in process (50 after 30 warm-up): compute median " + compute[25] + " µs, p95 "
                + compute[47] + " µs; draw median " + draw[25] + " µs, p95 " + draw[47] + " µs");
    }

    @Test
    void aHessianIsComparedAsVTransposeHW() {
        var specs = Map.of("x", spec(3), "A", spec(3, 3));
        var right = DerivativePlot.compute(new DerivativePlot.Request("x^T A x", specs, "x", null, 2,
                "A + A^T", 3));
        var wrong = DerivativePlot.compute(new DerivativePlot.Request("x^T A x", specs, "x", null, 2, "2 A", 3));
        assertThat(right.yLabel()).isEqualTo("vᵀ H w at x₀ + t·v");
        assertThat(sameCurves(right)).isTrue();
        assertThat(sameCurves(wrong)).isFalse();
    }

    @Test
    void theSameSeedDrawsTheSameLine() {
        var specs = Map.of("x", spec(3), "A", spec(3, 3));
        var a = DerivativePlot.compute(new DerivativePlot.Request("x^T A x", specs, "x", null, null, "2 A x", 5));
        var b = DerivativePlot.compute(new DerivativePlot.Request("x^T A x", specs, "x", null, null, "2 A x", 5));
        var c = DerivativePlot.compute(new DerivativePlot.Request("x^T A x", specs, "x", null, null, "2 A x", 6));
        assertThat(a.reference()).containsExactly(b.reference());
        assertThat(a.reference()).isNotEqualTo(c.reference());
    }

    @Test
    void anAnswerOfTheWrongShapeOrUnreadableIsRefusedWithTheReason() {
        var specs = Map.of("x", spec(3), "A", spec(3, 3));
        assertThatThrownBy(() -> DerivativePlot.compute(new DerivativePlot.Request("x^T A x", specs, "x", "gradient",
                null, "x^T A", 1))).isInstanceOf(PlotException.class).hasMessageContaining("1×3")
                .hasMessageContaining("3×1");
        assertThatThrownBy(() -> DerivativePlot.compute(new DerivativePlot.Request("x^T A x", specs, "x", "gradient",
                null, "2 A z", 1))).isInstanceOf(PlotException.class).hasMessageContaining("cannot be read")
                .hasMessageContaining("z");
    }

    /** Every stored problem: the reference draws one curve twice; each known wrong answer draws a second curve. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("storedParts")
    void theAnswersCurveDiffersFromTheReferenceExactlyWhenTheAnswerIsWrong(String name, ProblemDefinition p,
            PartDefinition part, List<WrongAnswer> wrongs) {
        if (p.variables().get(part.wrt()).value() != null) { // a derivative at one given point: no curve
            assertThatThrownBy(() -> DerivativePlot.compute(request(p, part, part.reference())))
                    .isInstanceOf(PlotException.class).hasMessageContaining("one given point");
            return;
        }
        var right = DerivativePlot.compute(request(p, part, part.reference()));
        assertThat(finitePairs(right)).as("defined points").isGreaterThan(DerivativePlot.SAMPLES / 4);
        assertThat(sameCurves(right)).as("%s: the reference against itself", name).isTrue();
        for (WrongAnswer w : wrongs) {
            // an answer of the wrong shape (or the transpose of the right one) cannot be contracted: no plot, a reason
            // (an unreadable one, such as a printed erratum whose sizes do not fit, cannot be drawn either)
            if (w.diagnosis().equals("wrong_shape") || w.diagnosis().equals("unreadable")) {
                assertThatExceptionOfType(PlotException.class).as("%s: %s %s", name, w.diagnosis(), w.answer())
                        .isThrownBy(() -> DerivativePlot.compute(request(p, part, w.answer())));
                continue;
            }
            DerivativePlot.Curves curves;
            try {
                curves = DerivativePlot.compute(request(p, part, w.answer()));
            } catch (PlotException e) { // a transposed non-square answer has another shape: a reason, no plot
                assertThat(w.diagnosis()).as("%s: %s %s", name, w.diagnosis(), w.answer()).isEqualTo("transposed");
                assertThat(e.getMessage()).contains("cannot be drawn");
                continue;
            }
            assertThat(sameCurves(curves)).as("%s: %s", w.diagnosis(), w.answer()).isFalse();
        }
    }

    static Stream<Arguments> storedParts() throws Exception {
        List<Arguments> all = new ArrayList<>();
        for (Path file : ProblemSetFiles.list(Path.of("problem-sets"))) {
            ProblemSetDefinition set = ProblemSetFiles.read(file.getFileName().toString(), ProblemSetFiles.read(file));
            for (ProblemDefinition p : set.problems()) {
                for (PartDefinition part : p.parts()) {
                    List<WrongAnswer> wrongs = p.wrongAnswers() == null ? List.of()
                            : p.wrongAnswers().stream().filter(w -> w.wrt().equals(part.wrt())).toList();
                    all.add(Arguments.of(set.slug() + "/" + p.key() + " ∂/∂" + part.wrt(), p, part, wrongs));
                }
            }
        }
        return all.stream();
    }

    private static DerivativePlot.Request request(ProblemDefinition p, PartDefinition part, Object answer) {
        return new DerivativePlot.Request(p.function(), p.variables(), part.wrt(), part.layout(), part.order(), answer,
                42);
    }

    /** Equal at every t where the reference is defined (to rounding), and defined at the same t. */
    static boolean sameCurves(DerivativePlot.Curves c) {
        for (int i = 0; i < c.t().length; i++) {
            double r = c.reference()[i];
            double a = c.answer()[i];
            if (Double.isNaN(r)) {
                continue;
            }
            if (Double.isNaN(a) || Math.abs(r - a) > 1e-6 * (1 + Math.abs(r))) {
                return false;
            }
        }
        return true;
    }

    private static int finitePairs(DerivativePlot.Curves c) {
        int n = 0;
        for (int i = 0; i < c.t().length; i++) {
            n += Double.isNaN(c.reference()[i]) || Double.isNaN(c.answer()[i]) ? 0 : 1;
        }
        return n;
    }

    /** Paths of at least 100 segments drawn in this colour: the curves, not the legend's or the axes' lines. */
    private static int curvePaths(Document doc, String colour) {
        NodeList paths = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        int n = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            var path = (org.w3c.dom.Element) paths.item(i);
            var parent = (org.w3c.dom.Element) path.getParentNode();
            String style = parent.getAttribute("style") + path.getAttribute("style");
            long segments = path.getAttribute("d").chars().filter(ch -> ch == 'L').count();
            n += style.contains("stroke:" + colour) && segments >= 100 ? 1 : 0;
        }
        return n;
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static VariableSpec spec(Integer... dims) {
        return new VariableSpec(List.of(dims), null, null, null, null, null);
    }
}

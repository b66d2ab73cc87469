package io.gradcheck.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.client.ApiClient;
import io.gradcheck.client.ApiException;
import io.gradcheck.client.ApiResponse;
import io.gradcheck.client.api.ChecksApi;
import io.gradcheck.client.api.ErrorsApi;
import io.gradcheck.client.api.ExpressionsApi;
import io.gradcheck.client.api.InsightsApi;
import io.gradcheck.client.api.LearnerPageApi;
import io.gradcheck.client.api.LtiApi;
import io.gradcheck.client.api.ProblemSetsApi;
import io.gradcheck.client.api.SubmissionsApi;
import io.gradcheck.client.model.AnswerRequest;
import io.gradcheck.client.model.AnswersRequest;
import io.gradcheck.client.model.CheckReport;
import io.gradcheck.client.model.CheckRequest;
import io.gradcheck.client.model.GradeRow;
import io.gradcheck.client.model.LinkRequest;
import io.gradcheck.client.model.LinkResponse;
import io.gradcheck.client.model.ParseRequest;
import io.gradcheck.client.model.Part;
import io.gradcheck.client.model.PartDefinition;
import io.gradcheck.client.model.Platform;
import io.gradcheck.client.model.ProblemDefinition;
import io.gradcheck.client.model.ProblemSetDefinition;
import io.gradcheck.client.model.Registration;
import io.gradcheck.client.model.Result;
import io.gradcheck.client.model.SetView;
import io.gradcheck.client.model.SubmitRequest;
import io.gradcheck.client.model.VariableSpec;
import io.gradcheck.client.model.View;
import java.io.File;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Java client openapi-generator makes from the committed openapi/openapi.yaml at build time (pom.xml,
 * generate-test-sources) calls every operation of the document against the running service over real HTTP, with
 * no hand-work: no edited generated code, no raw request. Every response the client receives is matched to the
 * document's operation it answered; at the end the operations called must be exactly the document's, so an
 * operation added without a call here fails the build (and `.ci/run`, which runs `./mvnw verify`).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gradcheck.security.instructor-keys=teacher", "gradcheck.security.lms-keys=lms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTests {

    private static final String SET = "generated-client";

    @LocalServerPort
    int port;

    /** "operationId" of every response any client received (2xx or not). */
    private final Set<String> called = ConcurrentHashMap.newKeySet();
    private final Map<Pattern, String> operations = new ConcurrentHashMap<>();

    private ApiClient client(String key) {
        if (operations.isEmpty()) {
            readOperations();
        }
        ApiClient c = new ApiClient();
        c.updateBaseUri("http://localhost:" + port);
        if (key != null) {
            c.setRequestInterceptor(b -> b.header("X-API-Key", key));
        }
        c.setResponseInterceptor(this::record);
        return c;
    }

    private void readOperations() {
        try {
            JsonNode doc = new YAMLMapper().readTree(Files.readString(Path.of("openapi", "openapi.yaml")));
            for (var path : doc.get("paths").properties()) {
                for (var op : path.getValue().properties()) {
                    String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                    operations.put(Pattern.compile(op.getKey().toUpperCase() + " " + regex),
                            op.getValue().get("operationId").asString());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void record(HttpResponse<?> response) {
        String call = response.request().method() + " " + response.request().uri().getRawPath();
        List<String> matches = operations.entrySet().stream().filter(e -> e.getKey().matcher(call).matches())
                .map(Map.Entry::getValue).toList();
        assertThat(matches).as("the document's operation for " + call).hasSize(1);
        called.add(matches.get(0));
    }

    @AfterAll
    void everyOperationOfTheDocumentWasCalled() {
        assertThat(new TreeSet<>(called)).isEqualTo(new TreeSet<>(operations.values()));
    }

    private static ProblemSetDefinition definition(String slug) {
        ProblemDefinition grad = new ProblemDefinition().key("grad").title("Gradient of a bilinear form")
                .statement("Give the gradient of $x^T y + s^2$ with respect to $x$ and to $s$.")
                .variables(Map.of("x", new VariableSpec().shape(List.of(3)), "y", new VariableSpec().shape(List.of(3)),
                        "s", new VariableSpec()))
                .function("x^T y + s^2").maxAttempts(2).transposedCredit(0.5).maxScore(4.0)
                .parts(List.of(new PartDefinition().wrt("x").layout(PartDefinition.LayoutEnum.GRADIENT).reference("y").weight(3.0),
                        new PartDefinition().wrt("s").reference("2 s").weight(1.0)));
        ProblemDefinition square = new ProblemDefinition().key("square").title("A square")
                .statement("Differentiate $t^2$.").variables(Map.of("t", new VariableSpec()))
                .function("t^2").parts(List.of(new PartDefinition().wrt("t").reference("2 t"))).maxScore(2.0);
        return new ProblemSetDefinition().slug(slug).title("Through the generated client").source("a test")
                .problems(List.of(grad, square));
    }

    /** Every slug, page by page (the database may hold other tests' sets too). */
    private static List<String> listed(ProblemSetsApi sets) throws ApiException {
        List<String> slugs = new ArrayList<>();
        for (int page = 0; ; page++) {
            var p = sets.listProblemSets(page, 100);
            p.getItems().forEach(s -> slugs.add(s.getSlug()));
            if (page + 1 >= p.getTotalPages()) {
                return slugs;
            }
        }
    }

    private static String etag(ApiResponse<?> r) {
        return r.getHeaders().get("etag").get(0);
    }

    private static List<CSVRecord> csv(File file) throws Exception {
        try (CSVParser p = CSVParser.parse(new StringReader(Files.readString(file.toPath(), StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void everyOperationThroughTheGeneratedClient() throws Exception {
        ApiClient open = client(null);
        ApiClient teacher = client("teacher");
        ApiClient lms = client("lms");

        // expressions and checks: open
        var parsed = new ExpressionsApi(open).parseExpression(new ParseRequest().expression("x^T A x")
                .variables(Map.of("x", new VariableSpec().shape(List.of(3)),
                        "A", new VariableSpec().shape(List.of(3, 3)))));
        assertThat(parsed.getShape()).isEmpty();
        CheckReport checked = new ChecksApi(open).checkDerivative(new CheckRequest().function("x^T A x")
                .variables(Map.of("x", new VariableSpec().shape(List.of(3)),
                        "A", new VariableSpec().shape(List.of(3, 3))))
                .parts(List.of(new Part().wrt("x").answer("(A + A^T) x"))).seed(42L));
        assertThat(checked.getVerdict()).isEqualTo(CheckReport.VerdictEnum.CORRECT);

        // problem sets: create, read (ETag), round trip GET definition → PUT unchanged with If-Match
        ProblemSetsApi sets = new ProblemSetsApi(teacher);
        SetView created = sets.createProblemSet(definition(SET));
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(listed(new ProblemSetsApi(open))).contains(SET);
        ApiResponse<SetView> read = new ProblemSetsApi(open).getProblemSetWithHttpInfo(SET);
        assertThat(etag(read)).isEqualTo("\"1\"");
        assertThat(new ProblemSetsApi(open).getProblem(SET, "grad").getParts()).hasSize(2);
        ApiResponse<ProblemSetDefinition> whole = sets.getProblemSetDefinitionWithHttpInfo(SET);
        SetView replaced = sets.replaceProblemSet(SET, whole.getData(), etag(whole));
        assertThat(replaced.getVersion()).isEqualTo(2);
        assertThat(sets.getProblemSetDefinition(SET)).isEqualTo(whole.getData());
        assertThatThrownBy(() -> sets.replaceProblemSet(SET, whole.getData(), etag(whole)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(412));
        CheckReport practice = sets.checkProblem(SET, "square", new AnswersRequest().answer("2 t"));
        assertThat(practice.getVerdict()).isEqualTo(CheckReport.VerdictEnum.CORRECT);

        // submissions: twice with one Idempotency-Key is one submission; other answers under it are refused
        SubmissionsApi submissions = new SubmissionsApi(lms);
        SubmitRequest right = new SubmitRequest().learnerId("canvas:12345").answers(Map.of("x", "y", "s", "2 s"));
        View first = submissions.submitAnswer(SET, "grad", right, "key-1");
        View replay = submissions.submitAnswer(SET, "grad", right, "key-1");
        assertThat(replay).isEqualTo(first);
        assertThat(first.getScore()).isEqualTo(1.0);
        SubmitRequest wrong = new SubmitRequest().learnerId("canvas:12345").answers(Map.of("x", "2 y", "s", "s"));
        assertThatThrownBy(() -> submissions.submitAnswer(SET, "grad", wrong, "key-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(422));
        submissions.submitAnswer(SET, "grad", wrong, "key-2");
        assertThatThrownBy(() -> submissions.submitAnswer(SET, "grad", wrong, "key-3"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        submissions.submitAnswer(SET, "square", new SubmitRequest().learnerId("moodle:7").answer("2 t"), null);
        assertThat(submissions.getSubmission(first.getId())).isEqualTo(first);
        assertThat(submissions.searchSubmissions("canvas:12345", SET, null, null, 0, 20).getItems())
                .extracting(View::getAttempt).containsExactly(2, 1);

        // the grade book: JSON, the long CSV and the gradebook CSV
        List<GradeRow> rows = submissions.gradeBook(SET);
        assertThat(rows).extracting(GradeRow::getLearnerId, GradeRow::getProblem, GradeRow::getPoints)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("canvas:12345", "grad", 4.0),
                        org.assertj.core.groups.Tuple.tuple("moodle:7", "square", 2.0));
        assertThat(csv(submissions.gradeBookCsv(SET, "long"))).hasSize(2);
        List<CSVRecord> book = csv(submissions.gradeBookCsv(SET, "gradebook"));
        assertThat(book).extracting(CSVRecord::toList).containsExactly(
                List.of("canvas:12345", "4", "", "4"), List.of("moodle:7", "", "2", "2"));
        assertThat(new SubmissionsApi(teacher).regradeProblem(SET, "grad").getRegraded()).isEqualTo(2);

        // insights and learner links (instructors); the learner page with the link's token
        InsightsApi insights = new InsightsApi(teacher);
        assertThat(insights.getInsights(SET, null, null, null).getProblems()).isNotEmpty();
        assertThat(insights.createInsightsLink(SET, 2).getUrl()).contains("token=");
        LinkResponse link = new LearnerPageApi(teacher).createLearnerLink(SET, new LinkRequest()
                .learnerId("canvas:999").expiresAt(OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)));
        Result answered = new LearnerPageApi(open).answerFromLearnerPage(SET, "square",
                new AnswerRequest().answers(Map.of("t", "2 t")), link.getToken(), "page-1");
        assertThat(answered.getVerdict()).isEqualTo(Result.VerdictEnum.CORRECT);
        File plot = new LearnerPageApi(open).plotAnswer(SET, "square", "t", "2 t", 42L);
        assertThat(Files.readString(plot.toPath())).contains("<svg");
        File page = new ErrorsApi(open).problemTypePage("attempts-exhausted");
        assertThat(Files.readString(page.toPath())).contains("No attempts left");

        // LTI: the tool's documents, and the platform registry
        LtiApi openLti = new LtiApi(open);
        assertThat(openLti.ltiJwks()).containsKey("keys");
        assertThat(openLti.ltiConfig().getJwksUrl()).endsWith("/lti/jwks");
        assertThat(openLti.ltiCanvasConfig()).containsKey("title");
        LtiApi lti = new LtiApi(teacher);
        Registration registration = new Registration().issuer("https://canvas.example.edu").clientId("10000000001")
                .deploymentIds(List.of("1:abc")).authLoginUrl("https://canvas.example.edu/api/lti/authorize_redirect")
                .authTokenUrl("https://canvas.example.edu/login/oauth2/token")
                .jwksUrl("https://canvas.example.edu/api/lti/security/jwks");
        Platform platform = lti.registerLtiPlatform(registration);
        assertThat(lti.listLtiPlatforms()).extracting(Platform::getId).contains(platform.getId());
        assertThat(lti.getLtiPlatform(platform.getId()).getIssuer()).isEqualTo("https://canvas.example.edu");
        assertThat(lti.replaceLtiPlatform(platform.getId(), registration.deploymentIds(List.of("1:abc", "2:def")))
                .getDeploymentIds()).hasSize(2);
        // the suite's other tests may leave passbacks in a shared database (PostgreSQL in CI): none is this set's
        assertThat(lti.listLtiPassbacks(null)).noneMatch(p -> SET.equals(p.getSet()));
        assertThatThrownBy(() -> lti.retryLtiPassback(999_999L))  // no failed passback here: documented 404
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        assertThat(lti.rotateLtiKey()).isNotEmpty();
        lti.deleteLtiPlatform(platform.getId());

        // deleting: a set with submissions is in use; an unused one needs If-Match, and goes with it
        assertThatThrownBy(() -> sets.deleteProblemSet(SET, "\"2\""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        SetView unused = sets.createProblemSet(definition(SET + "-unused"));
        assertThatThrownBy(() -> sets.deleteProblemSet(unused.getSlug(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(428));
        sets.deleteProblemSet(unused.getSlug(), "\"" + unused.getVersion() + "\"");
        assertThatThrownBy(() -> new ProblemSetsApi(open).getProblemSet(unused.getSlug()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }
}

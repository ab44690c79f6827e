package dev.convlab.leaderboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.training.LessonNumbers;
import dev.convlab.training.RunOutcome;
import dev.convlab.training.RunSettings;
import dev.convlab.training.TrainingRun;
import dev.convlab.training.compute.Architecture.Downsampling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The class leaderboard: every succeeded run (instructors' re-runs aside) with its full configuration and seed, and
 * the accuracy per variant as mean ± spread over seeds. Every number comes from a run's server-computed result.
 * A configuration trained twice with the same seed gives the same numbers, so it counts once in the statistics.
 * Along each axis the board compares like with like: a comparison holds only runs whose every other setting is the same.
 */
@ApplicationScoped
public class Leaderboard {

    static final int MAX_ENTRIES = 20_000;

    /** The course's reference results on Fashion-MNIST (LESSON.md, LessonNumbers), drawn as lines beside the class's own. */
    static final List<Baseline> FASHION_BASELINES = List.of(
            new Baseline("simple stride-2 CNN, 5 epochs (course, one run)", LessonNumbers.COURSE_FASHION_LESSON_NET.value()),
            new Baseline("wider stride-2 CNN with batch norm", LessonNumbers.COURSE_FASHION_BATCH_NORM.value()),
            new Baseline("with AdamW and one-cycle, 5 epochs", LessonNumbers.COURSE_FASHION_ONE_CYCLE.value()));

    /** The axes a class can compare runs along, as they are named in the API. */
    static final Map<String, Function<Entry, Object>> AXES = axes();

    /** At most this many comparisons per axis, the fullest first. */
    static final int MAX_COMPARISONS = 30;

    /** Later than any run finishes: a board that is not frozen. */
    static final Instant OPEN_ENDED = Instant.parse("9999-01-01T00:00:00Z");

    /** Which entries to show; null fields do not filter. */
    public record Filter(String dataset, Integer epochs, Downsampling downsampling, boolean includeHidden, Scope scope) {}

    /**
     * Whose runs a board holds and who reads it. {@code classId} 0 means every learner, else only that class's learners;
     * {@code until} is when an archived class was frozen. The site-wide board leaves out the learners of classes that
     * keep off it, and names each learner by the strictest privacy among their classes; a class board names them by its
     * own. Whoever teaches the board ({@code teacher}) sees every name, and a learner always sees their own.
     */
    public record Scope(long classId, boolean siteWide, Privacy classPrivacy, Instant until, long viewerId, boolean teacher) {

        /** The site-wide board, all of it ({@code classId} 0) or one class's learners; the site administrator teaches it. */
        public static Scope site(long classId, long viewerId, boolean administrator) {
            return new Scope(classId, true, Privacy.FULL, OPEN_ENDED, viewerId, administrator);
        }

        /** A class's own board, up to {@code until} (null: not frozen). */
        public static Scope ofClass(long classId, Privacy privacy, Instant until, long viewerId, boolean teacher) {
            return new Scope(classId, false, privacy, until == null ? OPEN_ENDED : until, viewerId, teacher);
        }
    }

    /**
     * One run on the board; {@code outcome} is learned or collapsed ({@link RunOutcome}); {@code learner} is the name
     * as the board shows it to this reader, {@code mine} whether the reader trained it.
     */
    public record Entry(long runId, String learner, String dataset, Downsampling downsampling, int kernelSize, List<Integer> channels,
            boolean batchNorm, String head, String optimizer, float learningRate, int batchSize, int epochs, long seed,
            String configuration, double testAccuracy, long parameters, double trainingSeconds, double imagesPerSecond, String device,
            String verification, Double verificationAccuracy, boolean hidden, Instant finishedAt, String outcome, boolean mine) {}

    /**
     * Test accuracy of one group of runs over its distinct seeds; {@code spread} is the sample standard deviation.
     * Collapsed seeds count (they are results) and {@code collapsed} says how many there are.
     */
    public record Group(String value, int runs, int seeds, double mean, Double spread, double min, double max, double meanParameters,
            double meanSeconds, int collapsed) {}

    /**
     * Runs that differ in one axis (and their seeds) only: one group per value of the axis, and {@code shared}, the
     * settings every run in it has, as people read them.
     */
    public record Comparison(String shared, List<Group> groups, int runs, int seeds, List<Long> runIds) {}

    public record Baseline(String label, double accuracy) {}

    /**
     * The board: entries best first; per axis, its comparisons of like with like, the fullest (most values, then most
     * seeds) first; statistics per whole configuration; and baselines.
     */
    public record Board(List<Entry> entries, Map<String, List<Comparison>> comparisons, List<Group> configurations, List<Baseline> baselines) {}

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    public Board board(Filter filter) {
        List<Entry> entries = entries(filter);
        Map<String, List<Comparison>> comparisons = new LinkedHashMap<>();
        AXES.keySet().forEach(axis -> comparisons.put(axis, comparisons(entries, axis)));
        List<Baseline> baselines = filter.dataset() == null || "fashion-mnist".equals(filter.dataset()) ? FASHION_BASELINES : List.of();
        return new Board(entries, comparisons, groups(entries, Entry::configuration), baselines);
    }

    /** The entries grouped by every setting but {@code axis} and the seed, each group split by the axis's values. */
    static List<Comparison> comparisons(List<Entry> entries, String axis) {
        Function<Entry, Object> value = AXES.get(axis);
        return entries.stream().collect(Collectors.groupingBy(e -> sharedSettings(e, axis), LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(c -> {
                    List<Group> groups = groups(c.getValue(), e -> String.valueOf(value.apply(e)));
                    return new Comparison(c.getKey(), groups, c.getValue().size(), groups.stream().mapToInt(Group::seeds).sum(),
                            c.getValue().stream().map(Entry::runId).toList());
                })
                .sorted(Comparator.comparingInt((Comparison c) -> c.groups().size()).thenComparingInt(Comparison::seeds)
                        .thenComparingInt(Comparison::runs).reversed())
                .limit(MAX_COMPARISONS).toList();
    }

    /** Every setting of a run but the seed and {@code axis}, as people read them (an optimizer goes with its rate). */
    static String sharedSettings(Entry e, String axis) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("dataset", e.dataset());
        parts.put("downsampling", e.downsampling().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        parts.put("kernelSize", e.kernelSize() + "×" + e.kernelSize());
        parts.put("channels", "channels " + e.channels().stream().map(String::valueOf).collect(Collectors.joining("-")));
        parts.put("batchNorm", e.batchNorm() ? "batch norm" : "no batch norm");
        parts.put("head", e.head().toLowerCase(Locale.ROOT).replace('_', ' ') + " head");
        parts.put("optimizer", optimizer(e));
        parts.put("batchSize", "batch " + e.batchSize());
        parts.put("epochs", e.epochs() + (e.epochs() == 1 ? " epoch" : " epochs"));
        parts.remove(axis);
        return String.join(" · ", parts.values());
    }

    private static String optimizer(Entry e) {
        return e.optimizer() + " lr " + new BigDecimal(Float.toString(e.learningRate())).stripTrailingZeros().toPlainString();
    }

    /** Whether {@code reader} may narrow the site-wide board to a class: its members may, and the site administrator; an unknown class is not found. */
    public boolean mayFilterBy(long classId, long reader, boolean administrator) {
        Object[] found = (Object[]) entityManager.createNativeQuery("""
                select exists (select 1 from classroom where id = ?1),
                       exists (select 1 from classroom_member where classroom_id = ?1 and account_id = ?2)""", Object[].class)
                .setParameter(1, classId).setParameter(2, reader).getSingleResult();
        if (!(Boolean) found[0]) {
            throw ProblemException.notFound(Text.of(LeaderboardErrors.class, m -> m.noClass(classId)));
        }
        return administrator || (Boolean) found[1];
    }

    /** Hides an entry from learners, or shows it again; fails for anything that is not an entry. */
    @Transactional
    public void hide(long runId, boolean hidden) {
        TrainingRun run = TrainingRun.findById(runId);
        if (run == null || !TrainingRun.SUCCEEDED.equals(run.state) || run.verifiesRunId != null) {
            throw ProblemException.notFound(Text.of(LeaderboardErrors.class, m -> m.noEntry(runId)));
        }
        run.hidden = hidden;
    }

    public List<Entry> entries(Filter filter) {
        Scope scope = filter.scope();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select r.id, a.display_name, r.settings::text, r.result::text, r.verification, r.hidden, r.finished_at,
                    (select (v.result ->> 'testAccuracy')::float8 from training_run v
                     where v.verifies_run_id = r.id and v.state = 'succeeded' order by v.finished_at desc limit 1), r.outcome,
                    a.id, m.number,
                    (select max(case c.privacy when 'initials' then 1 when 'anonymous' then 2 else 0 end)
                     from classroom_member o join classroom c on c.id = o.classroom_id where o.account_id = a.id and o.role = 'learner')
                from training_run r join account a on a.id = r.account_id
                left join classroom_member m on m.classroom_id = ?4 and m.account_id = a.id and m.role = 'learner'
                where r.state = 'succeeded' and r.verifies_run_id is null and (?1 or not r.hidden) and (?2 = '' or r.dataset = ?2)
                    and (?4 = 0 or m.account_id is not null) and r.finished_at <= ?5
                    and (not ?6 or not exists (select 1 from classroom_member o join classroom c on c.id = o.classroom_id
                                               where o.account_id = a.id and o.role = 'learner' and not c.on_site_board))
                order by (r.result ->> 'testAccuracy')::float8 desc, r.finished_at
                limit ?3""")
                .setParameter(1, filter.includeHidden()).setParameter(2, filter.dataset() == null ? "" : filter.dataset())
                .setParameter(3, MAX_ENTRIES).setParameter(4, scope.classId()).setParameter(5, scope.until())
                .setParameter(6, scope.siteWide()).getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            Entry entry = entry(row, scope);
            if ((filter.epochs() == null || filter.epochs() == entry.epochs())
                    && (filter.downsampling() == null || filter.downsampling() == entry.downsampling())) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The learner's name as {@code scope}'s reader may see it. */
    private static String learner(Object[] row, Scope scope, boolean mine) {
        String displayName = (String) row[1];
        if (scope.teacher() || mine) {
            return displayName;
        }
        if (scope.siteWide()) {
            return Privacy.values()[row[11] == null ? 0 : ((Number) row[11]).intValue()].label(displayName, null);
        }
        return scope.classPrivacy().label(displayName, row[10] == null ? null : ((Number) row[10]).intValue());
    }

    private Entry entry(Object[] row, Scope scope) {
        boolean mine = ((Number) row[9]).longValue() == scope.viewerId();
        try {
            RunSettings s = json.readValue((String) row[2], RunSettings.class);
            Map<?, ?> result = json.readValue((String) row[3], Map.class);
            return new Entry(((Number) row[0]).longValue(), learner(row, scope, mine), s.dataset(), s.downsampling(), s.kernelSize(), s.channels(),
                    s.batchNorm(), s.head().name(), s.optimizer().name(), s.learningRate(), s.batchSize(), s.epochs(), s.seed(),
                    RunSettings.describe(s), number(result.get("testAccuracy")), (long) number(result.get("parameters")),
                    number(result.get("trainingSeconds")), number(result.get("imagesPerSecond")), String.valueOf(result.get("device")),
                    (String) row[4], row[7] == null ? null : ((Number) row[7]).doubleValue(), (Boolean) row[5], instant(row[6]), (String) row[8],
                    mine);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Run " + row[0] + " holds settings or a result this version cannot read", e);
        }
    }

    private static List<Entry> distinctSeeds(List<Entry> entries) {
        Map<String, Entry> first = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(Entry::finishedAt).thenComparing(Entry::runId))
                .forEach(e -> first.putIfAbsent(e.configuration() + "#" + e.seed(), e));
        return List.copyOf(first.values());
    }

    private static List<Group> groups(List<Entry> entries, Function<Entry, String> key) {
        return entries.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList())).entrySet().stream()
                .map(g -> group(g.getKey(), g.getValue())).sorted(Comparator.comparingDouble(Group::mean).reversed()).toList();
    }

    /** Statistics over the group's distinct seeds, so a run repeated with its own seed does not shrink the spread. */
    static Group group(String value, List<Entry> runs) {
        List<Entry> seeds = distinctSeeds(runs);
        double[] accuracies = seeds.stream().mapToDouble(Entry::testAccuracy).toArray();
        double mean = Arrays.stream(accuracies).average().orElse(Double.NaN);
        Double spread = null;
        if (accuracies.length > 1) {
            double squares = Arrays.stream(accuracies).map(a -> (a - mean) * (a - mean)).sum();
            spread = Math.sqrt(squares / (accuracies.length - 1));
        }
        return new Group(value, runs.size(), seeds.size(), mean, spread, Arrays.stream(accuracies).min().orElse(Double.NaN),
                Arrays.stream(accuracies).max().orElse(Double.NaN), seeds.stream().mapToLong(Entry::parameters).average().orElse(0),
                seeds.stream().mapToDouble(Entry::trainingSeconds).average().orElse(0),
                (int) seeds.stream().filter(e -> RunOutcome.COLLAPSED.equals(e.outcome())).count());
    }

    private static Map<String, Function<Entry, Object>> axes() {
        Map<String, Function<Entry, Object>> axes = new LinkedHashMap<>();
        axes.put("downsampling", Entry::downsampling);
        axes.put("kernelSize", Entry::kernelSize);
        axes.put("channels", e -> e.channels().stream().map(String::valueOf).collect(Collectors.joining("-")));
        axes.put("batchNorm", Entry::batchNorm);
        axes.put("head", Entry::head);
        axes.put("optimizer", Leaderboard::optimizer);
        axes.put("epochs", Entry::epochs);
        axes.put("dataset", Entry::dataset);
        return axes;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}

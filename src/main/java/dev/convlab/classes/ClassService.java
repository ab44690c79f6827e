package dev.convlab.classes;

import dev.convlab.account.Account;
import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.LocalizedFormats;
import dev.convlab.i18n.Text;
import dev.convlab.leaderboard.Privacy;
import dev.convlab.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classes and who is in them. Roles are per class: its instructors (and the site administrator) change it and see its
 * roster; its learners see it and may leave. An archived class is read-only until it is unarchived.
 */
@ApplicationScoped
@Transactional
public class ClassService {

    /** Who asks: an account, and whether it is the site administrator. */
    public record Reader(long accountId, boolean administrator) {

        public static Reader of(CurrentUser user) {
            return new Reader(user.requireAccountId(), user.isInstructor());
        }
    }

    /** A class and the reader's role in it (instructor, learner, administrator). */
    public record Access(Classroom classroom, String role) {

        public boolean teaches() {
            return !ClassMember.LEARNER.equals(role);
        }
    }

    @Inject
    Validator validator;

    /** The class and the reader's role in it: 404 for no such class, 403 for a class the reader is not in. */
    public Access requireMember(long classId, Reader reader) {
        Classroom classroom = Classroom.findById(classId);
        if (classroom == null) {
            throw ProblemException.notFound(text(m -> m.noClass(classId)));
        }
        String role = ClassMember.find(classId, reader.accountId()).map(m -> m.role).orElse(null);
        if (reader.administrator() && !ClassMember.INSTRUCTOR.equals(role)) {
            role = ClassView.ADMINISTRATOR;
        }
        if (role == null) {
            throw forbidden(ClassesErrors::notInClass);
        }
        return new Access(classroom, role);
    }

    /** As {@link #requireMember}, and 403 unless the reader teaches the class. */
    public Access requireTeaching(long classId, Reader reader) {
        Access access = requireMember(classId, reader);
        if (!access.teaches()) {
            throw forbidden(ClassesErrors::onlyInstructors);
        }
        return access;
    }

    /** The site administrator and every class's instructors may start classes. */
    public boolean mayCreate(Reader reader) {
        return reader.administrator() || ClassMember.count("accountId = ?1 and role = ?2", reader.accountId(), ClassMember.INSTRUCTOR) > 0;
    }

    /** The classes the reader teaches or learns in (the administrator: every class), open ones first, newest first. */
    public List<ClassView> mine(Reader reader) {
        Map<Long, String> roles = ClassMember.<ClassMember>list("accountId", reader.accountId()).stream()
                .collect(Collectors.toMap(m -> m.classroomId, m -> m.role));
        List<Classroom> classes = reader.administrator() ? Classroom.listAll()
                : roles.isEmpty() ? List.of() : Classroom.list("id in ?1", roles.keySet());
        return classes.stream()
                .sorted(Comparator.comparing(Classroom::isArchived).thenComparing(c -> c.createdAt, Comparator.reverseOrder()))
                .map(c -> view(c, reader.administrator() && !ClassMember.INSTRUCTOR.equals(roles.get(c.id)) ? ClassView.ADMINISTRATOR : roles.get(c.id)))
                .toList();
    }

    public ClassView view(long classId, Reader reader) {
        return view(requireMember(classId, reader));
    }

    /** The class as the reader whose access this is sees it. */
    public ClassView view(Access access) {
        return view(access.classroom(), access.role());
    }

    /** Starts a class with the reader as its instructor, joining open, a fresh code. */
    public ClassView create(Reader reader, ClassSettings settings) {
        if (!mayCreate(reader)) {
            throw forbidden(ClassesErrors::onlyInstructorsStartClasses);
        }
        validate(settings);
        Classroom classroom = new Classroom();
        apply(classroom, settings, Privacy.FULL, true);
        classroom.joinCode = freshCode();
        classroom.joiningOpen = true;
        classroom.createdAt = Instant.now();
        classroom.persist();
        addMember(classroom, reader.accountId(), ClassMember.INSTRUCTOR);
        return view(classroom, ClassMember.INSTRUCTOR);
    }

    /** Replaces a class's settings; privacy and onSiteBoard must be given, a missing term or end date clears it. */
    public ClassView update(long classId, Reader reader, ClassSettings settings) {
        Access access = requireChangeable(classId, reader);
        validate(settings);
        if (settings.privacy() == null) {
            throw ProblemException.badField("privacy", text(ClassesErrors::privacyRequired));
        }
        if (settings.onSiteBoard() == null) {
            throw ProblemException.badField("onSiteBoard", text(ClassesErrors::trueOrFalseRequired));
        }
        apply(access.classroom(), settings, null, null);
        return view(access.classroom(), access.role());
    }

    /** A new code: the old one and links made from it stop working. */
    public ClassView rotateCode(long classId, Reader reader) {
        Access access = requireChangeable(classId, reader);
        access.classroom().joinCode = freshCode();
        return view(access.classroom(), access.role());
    }

    public ClassView setJoining(long classId, Reader reader, boolean open) {
        Access access = requireChangeable(classId, reader);
        access.classroom().joiningOpen = open;
        return view(access.classroom(), access.role());
    }

    /** Archives a class (read-only, its dashboard and board frozen at this moment) or brings it back. */
    public ClassView setArchived(long classId, Reader reader, boolean archived) {
        Access access = requireTeaching(classId, reader);
        Classroom classroom = access.classroom();
        if (archived != classroom.isArchived()) {
            classroom.archivedAt = archived ? Instant.now() : null;
        }
        return view(classroom, access.role());
    }

    public List<Member> members(long classId, Reader reader) {
        requireTeaching(classId, reader);
        List<Object[]> rows = Classroom.getEntityManager().createNativeQuery("""
                select a.id, a.display_name, a.email, m.role, m.number, m.joined_at
                from classroom_member m join account a on a.id = m.account_id
                where m.classroom_id = ?1 order by m.role, m.number""", Object[].class)
                .setParameter(1, classId).getResultList();
        return rows.stream().map(r -> new Member(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), instant(r[5]))).toList();
    }

    /** Makes the account with this e-mail an instructor of the class (a learner in it is promoted). */
    public Member addInstructor(long classId, Reader reader, String email) {
        Access access = requireChangeable(classId, reader);
        if (email == null || email.isBlank()) {
            throw ProblemException.required("email");
        }
        Account account = Account.findByEmail(email).orElseThrow(() -> ProblemException.badField("email", text(ClassesErrors::noAccountWithEmail)));
        ClassMember member = ClassMember.find(classId, account.id)
                .orElseGet(() -> addMember(lock(access.classroom().id), account.id, ClassMember.INSTRUCTOR));
        member.role = ClassMember.INSTRUCTOR;
        return new Member(account.id, account.displayName, account.email, member.role, member.number, member.joinedAt);
    }

    /** Takes a learner or an instructor out of the class; never its last instructor. */
    public void removeMember(long classId, Reader reader, long accountId) {
        requireChangeable(classId, reader);
        ClassMember member = ClassMember.find(classId, accountId)
                .orElseThrow(() -> ProblemException.notFound(text(m -> m.accountNotInClass(accountId))));
        remove(member, text(ClassesErrors::theirOnlyInstructor));
    }

    /** The reader leaves the class; its last instructor cannot. */
    public void leave(long classId, Reader reader) {
        Access access = requireMember(classId, reader);
        ClassMember member = ClassMember.find(classId, reader.accountId())
                .orElseThrow(() -> ProblemException.notFound(text(ClassesErrors::notMember)));
        requireNotArchived(access.classroom());
        remove(member, text(ClassesErrors::yourOnlyInstructor));
    }

    /**
     * The class a code opens, whether or not it lets anyone in now; 404 for a code no class has (which the join limit
     * counts).
     */
    public Classroom lookUp(String typedCode) {
        return JoinCodes.normalize(typedCode).flatMap(Classroom::findByCode)
                .orElseThrow(() -> ProblemException.notFound(text(ClassesErrors::noClassWithCode)));
    }

    /** Joins the class the code opens as a learner; joining a class one is already in changes nothing. */
    public ClassView join(Reader reader, String typedCode) {
        Classroom classroom = lock(lookUp(typedCode).id);
        ClassMember member = ClassMember.find(classroom.id, reader.accountId()).orElse(null);
        if (member == null) {
            requireJoinable(classroom);
            member = addMember(classroom, reader.accountId(), ClassMember.LEARNER);
        }
        return view(classroom, reader.administrator() && !member.isInstructor() ? ClassView.ADMINISTRATOR : member.role);
    }

    /** Whether run {@code runId} was trained by one of the class's learners. */
    public boolean isLearnersRun(long classId, long runId) {
        return (Boolean) Classroom.getEntityManager().createNativeQuery("""
                select exists (select 1 from training_run r join classroom_member m on m.account_id = r.account_id
                               where r.id = ?2 and m.classroom_id = ?1 and m.role = 'learner')""", Boolean.class)
                .setParameter(1, classId).setParameter(2, runId).getSingleResult();
    }

    /** Why nobody can join this class now, or nothing. */
    public static Text whyClosed(Classroom classroom) {
        if (classroom.isArchived()) {
            return text(ClassesErrors::archivedTakesNoLearners);
        }
        if (!classroom.joiningOpen) {
            return text(ClassesErrors::joiningClosed);
        }
        if (classroom.hasEnded(LocalDate.now())) {
            LocalDate endsOn = classroom.endsOn;
            return Text.composed(ClassesErrors.class, (m, language) -> m.ended(LocalizedFormats.day(endsOn, language)));
        }
        return null;
    }

    private static Text text(Function<ClassesErrors, String> message) {
        return Text.of(ClassesErrors.class, message);
    }

    private static void requireJoinable(Classroom classroom) {
        Text closed = whyClosed(classroom);
        if (closed != null) {
            throw new ProblemException(409, text(ClassesErrors::joiningClosedTitle), closed);
        }
    }

    private Access requireChangeable(long classId, Reader reader) {
        Access access = requireTeaching(classId, reader);
        requireNotArchived(access.classroom());
        return access;
    }

    private static void requireNotArchived(Classroom classroom) {
        if (classroom.isArchived()) {
            throw new ProblemException(409, text(ClassesErrors::archivedTitle), text(ClassesErrors::archivedReadOnly));
        }
    }

    private static void remove(ClassMember member, Text lastInstructor) {
        if (member.isInstructor()
                && ClassMember.count("classroomId = ?1 and role = ?2", member.classroomId, ClassMember.INSTRUCTOR) == 1) {
            throw ProblemException.conflict(lastInstructor);
        }
        member.delete();
    }

    /** The class row locked, so that members joining at once get distinct numbers. */
    private static Classroom lock(long classId) {
        return Classroom.getEntityManager().find(Classroom.class, classId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static ClassMember addMember(Classroom classroom, long accountId, String role) {
        ClassMember member = new ClassMember();
        member.classroomId = classroom.id;
        member.accountId = accountId;
        member.role = role;
        member.number = ((Number) Classroom.getEntityManager()
                .createNativeQuery("select coalesce(max(number), 0) + 1 from classroom_member where classroom_id = ?1")
                .setParameter(1, classroom.id).getSingleResult()).intValue();
        member.joinedAt = Instant.now();
        member.persist();
        return member;
    }

    private static void apply(Classroom classroom, ClassSettings settings, Privacy defaultPrivacy, Boolean defaultOnSiteBoard) {
        classroom.name = settings.name().strip();
        classroom.term = settings.term() == null || settings.term().isBlank() ? null : settings.term().strip();
        classroom.endsOn = settings.endsOn();
        Privacy privacy = settings.privacy() == null ? defaultPrivacy : Privacy.of(settings.privacy())
                .orElseThrow(() -> ProblemException.badField("privacy", text(ClassesErrors::privacyChoice)));
        classroom.privacy = privacy.value();
        classroom.onSiteBoard = settings.onSiteBoard() == null ? defaultOnSiteBoard : settings.onSiteBoard();
    }

    private static String freshCode() {
        String code = JoinCodes.generate();
        while (Classroom.count("joinCode", code) > 0) {
            code = JoinCodes.generate();
        }
        return code;
    }

    private static ClassView view(Classroom c, String role) {
        long learners = ClassMember.count("classroomId = ?1 and role = ?2", c.id, ClassMember.LEARNER);
        long instructors = ClassMember.count("classroomId = ?1 and role = ?2", c.id, ClassMember.INSTRUCTOR);
        boolean teaches = !ClassMember.LEARNER.equals(role);
        String code = teaches ? JoinCodes.display(c.joinCode) : null;
        return new ClassView(c.id, c.name, c.term, c.endsOn, role, c.isDefault, c.privacy, c.onSiteBoard, c.joiningOpen, whyClosed(c) == null,
                c.isArchived(), c.archivedAt, learners, instructors, code, code == null ? null : "/join/" + code);
    }

    private <T> void validate(T request) {
        if (request == null) {
            throw ProblemException.required("body");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static ProblemException forbidden(Function<ClassesErrors, String> detail) {
        return ProblemException.forbidden(text(detail));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}

package dev.convlab.classes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An account in a class, as an instructor or a learner; {@code number} is the order they joined in. */
@Entity
@Table(name = "classroom_member")
@IdClass(ClassMember.Key.class)
public class ClassMember extends PanacheEntityBase {

    public static final String INSTRUCTOR = "instructor";
    public static final String LEARNER = "learner";

    @Id
    @Column(name = "classroom_id")
    public long classroomId;

    @Id
    @Column(name = "account_id")
    public long accountId;

    public String role;

    public int number;

    @Column(name = "joined_at")
    public Instant joinedAt;

    public boolean isInstructor() {
        return INSTRUCTOR.equals(role);
    }

    public static Optional<ClassMember> find(long classroomId, long accountId) {
        return find("classroomId = ?1 and accountId = ?2", classroomId, accountId).firstResultOptional();
    }

    /** The key of a membership: class and account. */
    public static class Key implements Serializable {
        public long classroomId;
        public long accountId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.classroomId == classroomId && key.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(classroomId, accountId);
        }
    }
}

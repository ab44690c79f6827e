package dev.convlab.classes;

import dev.convlab.leaderboard.Privacy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A class: a cohort of learners with its instructors, join code, privacy and term. */
@Entity
@Table(name = "classroom")
public class Classroom extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String term;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "join_code")
    public String joinCode;

    @Column(name = "joining_open")
    public boolean joiningOpen;

    /** full, initials or anonymous ({@link Privacy}). */
    public String privacy;

    @Column(name = "on_site_board")
    public boolean onSiteBoard;

    @Column(name = "is_default")
    public boolean isDefault;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean isArchived() {
        return archivedAt != null;
    }

    /** Past its end date: the day after {@code endsOn} has begun ({@code today} in the server's zone). */
    public boolean hasEnded(LocalDate today) {
        return endsOn != null && today.isAfter(endsOn);
    }

    public Privacy privacySetting() {
        return Privacy.of(privacy).orElseThrow(() -> new IllegalStateException("Class " + id + " has privacy " + privacy));
    }

    public static Optional<Classroom> findByCode(String code) {
        return find("joinCode", code).firstResultOptional();
    }
}

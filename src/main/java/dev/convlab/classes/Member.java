package dev.convlab.classes;

import java.time.Instant;

/** One line of a class's roster, for those who teach it. */
public record Member(long accountId, String displayName, String email, String role, int number, Instant joinedAt) {}

package dev.convlab.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Wrong passwords sent all at once, with a first wait long enough (10 minutes) that none of them can outlast it
 * however slowly a loaded machine answers them.
 */
@QuarkusTest
@TestProfile(ParallelLoginsTest.LongWait.class)
@QuarkusTestResource(TestDatabase.class)
class ParallelLoginsTest {

    public static class LongWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convlab.account.login.first-wait", "10M", "convlab.account.login.max-wait", "15M");
        }
    }

    @Test
    void wrongPasswordsSentAllAtOnceGetNoMoreTriesThanTheThreshold() throws Exception {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "Parallel", "the-right-password").then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Map<String, String> guess = Map.of("email", email, "password", "parallel-guess-" + i);
                answers.add(pool.submit(() -> Http.visitor().json().header("X-Forwarded-For", "198.51.200.7")
                        .body(guess).post("/api/session").statusCode()));
            }
            Map<Integer, Long> byStatus = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                byStatus.merge(answer.get(), 1L, Long::sum);
            }
            assertEquals(Map.of(401, 5L, 429, 15L), byStatus);
        } finally {
            pool.shutdownNow();
        }
    }
}

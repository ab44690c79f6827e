package dev.convlab.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows in {@code /q/health} whether the database writes a commit to disk before answering: {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} as the server reports them. Informational: a database
 * run with faster settings still serves.
 */
@Readiness
@ApplicationScoped
public class DatabaseDurabilityCheck implements HealthCheck {

    private static final String[] SETTINGS = {"fsync", "synchronous_commit", "full_page_writes"};

    @Inject
    AgroalDataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database durability");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String setting : SETTINGS) {
                try (ResultSet result = statement.executeQuery("show " + setting)) {
                    result.next();
                    response.withData(setting, result.getString(1));
                }
            }
            return response.up().build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}

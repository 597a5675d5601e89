package dev.hexcore.bootstrap.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.bootstrap.embedded.ZonkyEmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real embedded databases on two data folders (one initdb each, shared by the tests): each instance reaches only
 * its own folder's database, whatever ports are configured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseTest {
    private final EmbeddedPostgres zonky = new ZonkyEmbeddedPostgres();

    @TempDir
    static Path temp;

    private Path first;
    private Path second;
    private EmbeddedDatabase firstServer;
    private EmbeddedDatabase secondServer;

    @BeforeAll
    void twoInstancesStartOnTwoFolders() throws Exception {
        first = temp.resolve("first");
        second = temp.resolve("second");
        firstServer = EmbeddedDatabase.open(zonky, first, Optional.empty(), false);
        secondServer = EmbeddedDatabase.open(zonky, second, Optional.empty(), false);
    }

    @AfterAll
    void stop() throws Exception {
        try (EmbeddedDatabase a = firstServer; EmbeddedDatabase b = secondServer) {
            assertThat(a).isNotSameAs(b);   // both stopped when this block ends
        }
    }

    @Test
    void eachFolderGetsItsOwnDatabaseOnItsOwnRememberedPort() throws Exception {
        assertThat(firstServer.jdbcUrl()).isNotEqualTo(secondServer.jdbcUrl());
        assertThat(dataDirectory(firstServer.jdbcUrl())).isEqualTo(first.resolve("postgres").toRealPath());
        assertThat(dataDirectory(secondServer.jdbcUrl())).isEqualTo(second.resolve("postgres").toRealPath());
        assertThat(firstServer.jdbcUrl()).endsWith(":" + Files.readString(first.resolve("postgres.port")).trim() + "/postgres");
    }

    @Test
    void aSecondServerOnTheSameFolderIsRefused() {
        assertThatThrownBy(() -> EmbeddedDatabase.open(zonky, first, Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Another Hexcore is running on the data folder " + first)
                .hasMessageContaining("HEXCORE_DATA_DIR");
    }

    @Test
    void anOperatorCommandOnTheSameFolderJoinsTheRunningDatabase() throws Exception {
        try (EmbeddedDatabase command = EmbeddedDatabase.open(zonky, first, Optional.empty(), true)) {
            assertThat(command.jdbcUrl()).isEqualTo(firstServer.jdbcUrl());
        }
        // the command gave up nothing it did not own: the server's database still answers
        assertThat(dataDirectory(firstServer.jdbcUrl())).isEqualTo(first.resolve("postgres").toRealPath());
    }

    /** The reported bug: a second instance pinned to the first one's port used to connect to it silently. */
    @Test
    void aPinnedPortServedByAnotherFoldersDatabaseIsRefusedNotJoined() {
        int taken = port(firstServer.jdbcUrl());

        assertThatThrownBy(() -> EmbeddedDatabase.open(zonky, temp.resolve("third"), Optional.of(taken), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Port " + taken + " (HEXCORE_EMBEDDED_POSTGRES_PORT) is in use");
        assertThat(temp.resolve("third").resolve("postgres")).doesNotExist();
    }

    @Test
    void aServerThatKeepsItsDataElsewhereIsRefused() {
        assertThatThrownBy(() -> EmbeddedDatabase.verify(firstServer.jdbcUrl(), second.resolve("postgres")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to use another instance's database");
    }

    private static Path dataDirectory(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             ResultSet result = connection.createStatement().executeQuery("show data_directory")) {
            result.next();
            return Path.of(result.getString(1)).toRealPath();
        }
    }

    private static int port(String url) {
        String hostAndPort = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
        return Integer.parseInt(hostAndPort.substring(hostAndPort.indexOf(':') + 1));
    }
}

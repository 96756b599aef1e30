package org.beatbook.geocoding.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.beatbook.geocoding.GeocodeAnswer;
import org.beatbook.geocoding.GeocodedAddress;
import org.beatbook.geocoding.Precision;
import org.beatbook.geocoding.domain.GeoPoint;
import org.beatbook.geocoding.domain.KnownAddressPoint;
import org.beatbook.geocoding.persistence.GazetteerRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** The optional external geocoder against a tiny Nominatim stand-in on 127.0.0.1. */
class ExternalGeocoderTests {

    private static final String SAWYER = """
            [{"place_id":1,"lat":"41.8646","lon":"-87.7077","display_name":"1340, South Sawyer Avenue, Chicago, IL"}]""";

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> agents = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = SAWYER;
    private volatile long delayMillis;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/search", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        queries.add(exchange.getRequestURI().getRawQuery());
        agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        try {
            Thread.sleep(delayMillis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ExternalGeocoder geocoder(boolean enabled, Duration timeout) {
        return new ExternalGeocoder(new ExternalGeocoderProperties(enabled,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), timeout, "Beatbook test", null));
    }

    @Test
    void asksTheServiceAndAnswersWithExternalPrecision() {
        Optional<GeocodedAddress> found = geocoder(true, Duration.ofSeconds(2)).locate("1340 S Sawyer Ave & more");
        assertThat(found).contains(new GeocodedAddress(41.8646, -87.7077, "1340, South Sawyer Avenue, Chicago, IL",
                Precision.EXTERNAL));
        assertThat(queries).singleElement().satisfies(q -> assertThat(q)
                .contains("q=1340%20S%20Sawyer%20Ave%20%26%20more").contains("format=jsonv2").contains("limit=1"));
        assertThat(agents).containsExactly("Beatbook test");
    }

    @Test
    void aSlowServiceTimesOutAsNotFound() {
        delayMillis = 1500;
        long start = System.nanoTime();
        assertThat(geocoder(true, Duration.ofMillis(300)).locate("1340 S Sawyer Ave")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void errorsAndEmptyOrOddAnswersAreNotFound() {
        status = 500;
        body = "{\"error\":\"boom\"}";
        assertThat(geocoder(true, Duration.ofSeconds(2)).locate("1340 S Sawyer Ave")).isEmpty();
        status = 200;
        body = "[]";
        assertThat(geocoder(true, Duration.ofSeconds(2)).locate("1340 S Sawyer Ave")).isEmpty();
        body = "[{\"lat\":\"north\"}]";
        assertThat(geocoder(true, Duration.ofSeconds(2)).locate("1340 S Sawyer Ave")).isEmpty();
        body = "<html>not json</html>";
        assertThat(geocoder(true, Duration.ofSeconds(2)).locate("1340 S Sawyer Ave")).isEmpty();
    }

    @Test
    void offByDefaultAndThenNeverAsked() {
        assertThat(geocoder(false, Duration.ofSeconds(2)).locate("1340 S Sawyer Ave")).isEmpty();
        assertThat(queries).isEmpty();
    }

    @Test
    void theServiceAsksOutsideOnlyWhenTheGazetteerFindsNothing() {
        GazetteerRepository repository = mock(GazetteerRepository.class);
        when(repository.addressPoints()).thenReturn(List.of(
                new KnownAddressPoint("W KNOWN ST", 100, new GeoPoint(41.9, -87.6))));
        GeocodingService service = new GeocodingService(repository, mock(TransactionTemplate.class),
                geocoder(true, Duration.ofSeconds(2)));
        service.reload();

        assertThat(service.geocode("100 W Known St").match().orElseThrow().precision())
                .isEqualTo(Precision.ADDRESS_POINT);
        assertThat(queries).isEmpty();

        assertThat(service.geocode("1340 S Sawyer Ave").match().orElseThrow().precision())
                .isEqualTo(Precision.EXTERNAL);
        assertThat(queries).hasSize(1);

        status = 500;
        GeocodeAnswer fallback = service.geocode("900 W Known St");
        assertThat(fallback.match()).isEmpty();
        assertThat(fallback.suggestions()).containsExactly("100 W KNOWN ST");
    }
}

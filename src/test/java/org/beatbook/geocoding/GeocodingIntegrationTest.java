package org.beatbook.geocoding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The geocoding module's integration tests share one context on their own database, without the demo.
 * Security filters are off: these tests are about geocoding; who may call what is the security module's to test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"beatbook.embedded-postgres.data-dir=target/test-postgres-geocoding",
        "beatbook.demo.enabled=false"})
@AutoConfigureMockMvc(addFilters = false)
public @interface GeocodingIntegrationTest {
}

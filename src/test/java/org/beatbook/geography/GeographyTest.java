package org.beatbook.geography;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The one context of the geography integration tests: its own database with Chicago's levels, no demo. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"beatbook.embedded-postgres.data-dir=target/test-postgres-geography",
        "beatbook.demo.enabled=false"})
@AutoConfigureMockMvc
@interface GeographyTest {
}

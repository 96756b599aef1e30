package org.beatbook.personnel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one application context the personnel and security integration tests share: their own database, no demo,
 * the fake Chicago units, MockMvc.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"beatbook.embedded-postgres.data-dir=target/test-postgres-personnel",
        "beatbook.demo.enabled=false"})
@AutoConfigureMockMvc
@Import(FakeUnitCatalogue.class)
public @interface PersonnelIntegrationTest {
}

package org.beatbook.geocoding.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExternalGeocoderProperties.class)
class GeocodingConfiguration {
}

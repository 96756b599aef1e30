package org.beatbook.security.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.beatbook.security.domain.LoginThrottle;
import org.beatbook.security.domain.Role;
import org.beatbook.security.domain.SetupToken;
import org.beatbook.security.persistence.StaffAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the JSON API (stateless, HTTP Basic, no CSRF, problem details for 401/403) and the site
 * (session, our own login page, CSRF on every form). ADMIN implies STAFF.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** Allows only our own scripts and styles; map tiles may come from any https tile server. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Read-only API for everyone: lookup, the map's units, and (incidents) the public crime map and dashboard. */
    private static final String[] PUBLIC_API = {"/api/v1/lookup", "/api/v1/lookup/**", "/api/v1/units.geojson",
            "/api/v1/levels", "/api/v1/geocode/**", "/api/v1/public/**"};

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // HEAD too: Spring MVC answers it with the GET handler, and link checkers and caches send it
                        .requestMatchers(HttpMethod.GET, PUBLIC_API).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_API).permitAll()
                        // engagement: the public sign-up for the city's website and apps
                        .requestMatchers(HttpMethod.POST, "/api/v1/subscriptions").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain siteChain(HttpSecurity http) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/find", "/find/**", "/lookup", "/lookup/**", "/geocoding/**",
                                "/members/*/photo", "/newsletters", "/newsletters/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/login", "/setup", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // engagement: the sign-up form and the signed links in list emails
                        .requestMatchers("/engagement/**", "/subscriptions/**").permitAll()
                        // incidents: the public crime map and dashboard
                        .requestMatchers(HttpMethod.GET, "/incidents", "/incidents/**").permitAll()
                        .requestMatchers("/staff/users", "/staff/users/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/staff", "/staff/**").hasRole(Role.STAFF.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(failures)
                        .defaultSuccessUrl("/staff", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // RFC 8058 one-click unsubscribe is POSTed by mail clients without a token; the link's signature
                // is what authorises it
                .csrf(csrf -> csrf.ignoringRequestMatchers("/subscriptions/one-click"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /** Static so that method security sees it early (Spring Security's advice for infrastructure beans). */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.ADMIN.name()).implies(Role.STAFF.name()).build();
    }

    /** bcrypt today, and old hashes keep working if the default ever moves on (the "{id}" prefix says which). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(@Value("${beatbook.security.lockout.attempts:5}") int attempts,
                                @Value("${beatbook.security.lockout.duration:PT5M}") Duration duration) {
        return new LoginThrottle(attempts, duration, Clock.systemUTC());
    }

    @Bean
    SetupToken setupToken() {
        return new SetupToken();
    }

    /** Publishes login successes and failures as events, which {@link LoginAttempts} counts. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    UserDetailsService userDetailsService(StaffAccounts accounts, LoginThrottle throttle) {
        return username -> accounts.byUsername(username.trim().toLowerCase(java.util.Locale.ROOT))
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .authorities(account.roles().stream().map(Role::authority).toArray(String[]::new))
                        .disabled(!account.enabled())
                        .accountLocked(throttle.isLocked(account.username()))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}

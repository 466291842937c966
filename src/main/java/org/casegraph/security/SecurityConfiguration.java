package org.casegraph.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.casegraph.neo4j.InvalidSettingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * One access policy for every route, in three modes ({@code casegraph.security.mode}).
 * {@code local}: the server listens on loopback only and a request from there runs as
 * {@code local}. {@code users}: HTTP Basic and a login form, users from configuration
 * with hashed passwords, a lockout after repeated failures. {@code jwt}: an OAuth2
 * resource server whose tokens' claims map to roles. Routes: reports need the analyst
 * role, the audit trail the admin role, everything else the viewer role; health answers
 * anyone, with details for admins only. A bad setting stops startup naming it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** The password the project ships for the embedded database. */
	static final String SHIPPED_PASSWORD = "casegraph-local";

	private static final List<String> HASHES = List.of("{bcrypt}", "{argon2}");

	/** The observations Spring Security makes of a request. */
	private static final List<String> SECURITY_OBSERVATIONS = List.of("spring.security.filterchains",
			"spring.security.http.secured.requests", "spring.security.authentications",
			"spring.security.authorizations");

	private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * Checks the security settings before any bean is made, so that a bad one stops
	 * startup before the database starts.
	 */
	@Bean
	static BeanFactoryPostProcessor securitySettingsCheck(Environment environment) {
		return beanFactory -> requireValid(
				Binder.get(environment).bindOrCreate("casegraph.security", Bindable.of(SecuritySettings.class)),
				environment);
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, UserDetailsService users,
			PasswordEncoder passwordEncoder) throws Exception {
		http.authorizeHttpRequests(routes -> routes
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error")
			.permitAll()
			.requestMatchers("/audit", "/audit/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/reports/**")
			.hasRole(Role.ANALYST.name())
			.anyRequest()
			.hasRole(Role.VIEWER.name()));
		http.cors(cors -> cors.configurationSource(cors(settings.cors().allowedOrigins())));
		switch (settings.mode()) {
			case LOCAL -> {
				http.addFilterBefore(new LocalCallerFilter(settings.localRoles()), AnonymousAuthenticationFilter.class);
				http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
				// Only JSON bodies run (see RequestShapeFilter), which a cross-site form
				// cannot send.
				http.csrf(csrf -> csrf.disable());
			}
			case USERS -> {
				http.authenticationProvider(new VerifiedLogins(users, passwordEncoder));
				http.httpBasic(Customizer.withDefaults());
				http.formLogin(Customizer.withDefaults());
				// A login session is what a cross-site request could ride on: requests
				// that carry one need the
				// CSRF token; requests with their own credentials (Basic) or none at all
				// do not.
				http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE.contains(request.getMethod())
						&& request.getHeader("Authorization") == null && request.getSession(false) != null));
			}
			case JWT -> {
				http.oauth2ResourceServer(
						server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens(settings))));
				http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
				http.csrf(csrf -> csrf.disable());
			}
		}
		return http.build();
	}

	/**
	 * Spring Security observes each filter of every request unless told not to, even
	 * where every observation is switched off
	 * ({@code management.observations.enable.all=false}): each filter is wrapped and each
	 * wrapper makes an observation that records nothing, about 3% of a small request's
	 * CPU. Security's observations follow those settings: they run only where its
	 * observations would be recorded.
	 */
	@Bean
	static SecurityObservationSettings securityObservations(ObjectProvider<ObservationRegistry> observations) {
		ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		boolean observed = SECURITY_OBSERVATIONS.stream()
			.anyMatch(name -> !Observation.createNotStarted(name, registry).isNoop());
		if (!observed) {
			return SecurityObservationSettings.noObservations();
		}
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(true)
			.shouldObserveAuthentications(true)
			.shouldObserveAuthorizations(true)
			.build();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.INVESTIGATOR.name())
			.role(Role.INVESTIGATOR.name())
			.implies(Role.ANALYST.name())
			.role(Role.ANALYST.name())
			.implies(Role.VIEWER.name())
			.build();
	}

	/** Denials by route are published, so that the audit trail records them. */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The users of {@code users} mode; none in the other modes. */
	@Bean
	UserDetailsService users(SecuritySettings settings, LoginAttempts attempts) {
		return name -> settings.users()
			.stream()
			.filter(user -> settings.mode() == SecuritySettings.Mode.USERS && user.name().equals(name))
			.findFirst()
			.map(user -> User.withUsername(user.name())
				.password(user.password())
				.authorities(user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
				.accountLocked(attempts.locked(name))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	/**
	 * A token's roles: the values of the roles claim (a list, or text separated by
	 * spaces) that the mapping names, or the role names themselves when there is no
	 * mapping. A token with none is authenticated but may do nothing (403).
	 */
	static Converter<Jwt, AbstractAuthenticationToken> tokens(SecuritySettings settings) {
		Map<String, Role> mapping = settings.jwt().roleMapping();
		return jwt -> {
			Object claim = jwt.getClaims().get(settings.jwt().rolesClaim());
			List<String> values = new ArrayList<>();
			if (claim instanceof Collection<?> list) {
				list.forEach(value -> values.add(String.valueOf(value)));
			}
			else if (claim instanceof String text) {
				values.addAll(List.of(text.trim().split("\\s+")));
			}
			List<SimpleGrantedAuthority> authorities = values.stream()
				.map(value -> mapping.isEmpty() ? Role.of(value) : mapping.get(value))
				.filter(java.util.Objects::nonNull)
				.map(role -> new SimpleGrantedAuthority(role.authority()))
				.toList();
			String name = (jwt.getClaimAsString("preferred_username") != null)
					? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
			return new JwtAuthenticationToken(jwt, authorities, name);
		};
	}

	private static CorsConfigurationSource cors(List<String> origins) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(origins);
		configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
		configuration.setAllowedHeaders(
				List.of("Content-Type", "Authorization", Callers.JUSTIFICATION, "X-CSRF-TOKEN", "X-XSRF-TOKEN"));
		configuration.setExposedHeaders(List.of("X-Request-Id", "Content-Disposition"));
		configuration.setAllowCredentials(true);
		return request -> configuration;
	}

	/** Settings that would leave the data open stop startup, naming them. */
	private static void requireValid(SecuritySettings settings, Environment environment) {
		String address = environment.getProperty("server.address");
		if (settings.mode() == SecuritySettings.Mode.LOCAL && !loopback(address)) {
			throw new InvalidSettingException("server.address", address,
					"casegraph.security.mode is local, which lets anyone who reaches the server in as an admin, so "
							+ "server.address must be a loopback address",
					"Set server.address to 127.0.0.1, or casegraph.security.mode to users or jwt.", null);
		}
		if (settings.mode() == SecuritySettings.Mode.USERS) {
			requireUsers(settings.users());
		}
		if (settings.mode() == SecuritySettings.Mode.JWT
				&& !environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
				&& !environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
				&& !environment.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")) {
			throw new InvalidSettingException("casegraph.security.mode", "jwt",
					"jwt mode needs to know whose tokens to trust",
					"Set spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri).", null);
		}
		boolean boltOpen = !"embedded".equalsIgnoreCase(environment.getProperty("casegraph.neo4j.mode", "embedded"))
				|| environment.getProperty("casegraph.neo4j.bolt-enabled", Boolean.class, false);
		if (settings.mode() != SecuritySettings.Mode.LOCAL && boltOpen
				&& SHIPPED_PASSWORD.equals(environment.getProperty("spring.neo4j.authentication.password"))) {
			throw new InvalidSettingException("spring.neo4j.authentication.password", "(the shipped default)",
					"the database password is the one casegraph ships, and anyone who reaches Bolt with it bypasses "
							+ "the access policy",
					"Set spring.neo4j.authentication.password to a secret of your own.", null);
		}
	}

	private static void requireUsers(List<SecuritySettings.User> users) {
		if (users.isEmpty()) {
			throw new InvalidSettingException("casegraph.security.users", "(none)", "users mode has no users",
					"Add casegraph.security.users[0].name, .password (a {bcrypt} hash) and .roles.", null);
		}
		for (int i = 0; i < users.size(); i++) {
			SecuritySettings.User user = users.get(i);
			String setting = "casegraph.security.users[" + i + "]";
			if (user.name() == null || user.name().isBlank()) {
				throw new InvalidSettingException(setting + ".name", "(empty)", "a user has no name",
						"Give every user a name.", null);
			}
			if (user.password() == null || HASHES.stream().noneMatch(user.password()::startsWith)) {
				throw new InvalidSettingException(setting + ".password", "(hidden)",
						"user '" + user.name() + "' has a plain password; only a {bcrypt} or {argon2} hash is accepted",
						"Put the hash of the password, e.g. {bcrypt}$2a$10$..., never the password itself.", null);
			}
			if (user.roles() == null || user.roles().isEmpty()) {
				throw new InvalidSettingException(setting + ".roles", "(none)",
						"user '" + user.name() + "' has no role", "Give them viewer, analyst, investigator or admin.",
						null);
			}
		}
	}

	private static boolean loopback(String address) {
		if (address == null) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}

package org.casegraph.audit;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.casegraph.security.Caller;
import org.casegraph.security.Callers;
import org.casegraph.security.Disclosure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UrlPathHelper;

/**
 * Logins (a form login that succeeds, any login that fails) and requests refused before
 * they reach what serves them (no credentials, a role too low for the route) go into the
 * audit trail too. Nothing is disclosed by them, so a trail that cannot be written is
 * logged rather than turned into another refusal.
 */
@Component
class AuditEvents {

	private static final Logger log = LoggerFactory.getLogger(AuditEvents.class);

	private final AuditLog audit;

	AuditEvents(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void loggedIn(InteractiveAuthenticationSuccessEvent event) {
		record(new Caller(event.getAuthentication().getName(), Callers.roles(event.getAuthentication()), "form", null),
				"login", "login", "success", 200, Map.of());
	}

	@EventListener
	void loginFailed(AbstractAuthenticationFailureEvent event) {
		record(new Caller(String.valueOf(event.getAuthentication().getName()), java.util.Set.of(), "none", null),
				"login", "login", "denied", 401, Map.of("reason", event.getException().getClass().getSimpleName()));
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		HttpServletRequest request = request();
		if (request == null) {
			return;
		}
		var authentication = event.getAuthentication().get();
		boolean anonymous = authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName());
		Caller caller = anonymous ? Caller.NOBODY
				: new Caller(authentication.getName(), Callers.roles(authentication), "unknown", null);
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		record(caller, "route", request.getMethod() + " " + path, "denied", anonymous ? 401 : 403, Map.of());
	}

	private void record(Caller caller, String channel, String operation, String outcome, int status,
			Map<String, Object> details) {
		HttpServletRequest request = request();
		try {
			audit.record(new AuditLog.Request(caller, channel, UUID.randomUUID().toString(), operation, null, null,
					(request != null) ? request.getRemoteAddr() : null,
					(request != null) ? request.getHeader("User-Agent") : null, new Disclosure(), outcome, status, 0,
					details));
		}
		catch (AuditUnavailableException ex) {
			log.error("Audit trail unavailable; not recorded: {} {} by {}", outcome, operation, caller.name(), ex);
		}
	}

	private static HttpServletRequest request() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}

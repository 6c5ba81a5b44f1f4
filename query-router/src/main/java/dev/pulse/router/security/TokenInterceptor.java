package dev.pulse.router.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the bearer token against the path's role. An interceptor rather than a filter, so that its
 * exceptions reach the one problem-details mapping like every other error.
 */
public final class TokenInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    public TokenInterceptor(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<Role> needed = AccessPolicy.required(request.getRequestURI().substring(
                request.getContextPath().length()));
        if (needed.isEmpty()) {
            return true;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            throw new AuthenticationException("send an API token as 'Authorization: Bearer <token>'");
        }
        Role role = tokens.roleOf(header.substring(BEARER.length()).trim())
                .orElseThrow(() -> new AuthenticationException("the API token is not valid"));
        if (!role.includes(needed.get())) {
            throw new AccessDeniedException("this call needs the " + needed.get().id() + " role; the token has "
                    + role.id());
        }
        request.setAttribute(Role.class.getName(), role);
        return true;
    }
}

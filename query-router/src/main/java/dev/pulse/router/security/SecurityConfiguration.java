package dev.pulse.router.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the token check in front of every API handler. */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

    private final ApiTokens tokens;

    SecurityConfiguration(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TokenInterceptor(tokens)).addPathPatterns("/v1/**");
    }
}

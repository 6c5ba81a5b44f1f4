package dev.pulse.router.admin;

import dev.pulse.router.query.BadQueryException;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Replay cutover: which physical datasource answers for each logical one. Admin role only. */
@RestController
class AdminController {

    private final DatasourceVersions versions;
    private final Optional<SharedVersions> shared;

    AdminController(DatasourceVersions versions, Optional<SharedVersions> shared) {
        this.versions = versions;
        this.shared = shared;
    }

    @GetMapping("/v1/admin/datasource-version")
    Map<String, Object> active() {
        return Map.of("datasources", versions.active());
    }

    @PostMapping("/v1/admin/datasource-version")
    Map<String, Object> switchVersion(@RequestBody DatasourceVersionRequest request) {
        boolean bySuffix = request.suffix() != null;
        if (bySuffix == (request.datasources() != null)) {
            throw new BadQueryException("send either datasources or suffix");
        }
        Map<String, String> next = versions.withChanges(bySuffix ? versions.rollupsWithSuffix(request.suffix())
                : request.datasources());
        return Map.of("datasources", shared.map(store -> store.publish(next)).orElseGet(() -> versions.activate(next)));
    }
}

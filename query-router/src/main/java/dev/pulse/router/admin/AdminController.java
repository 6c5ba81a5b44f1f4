package dev.pulse.router.admin;

import dev.pulse.router.query.BadQueryException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Replay cutover: which physical datasource answers for each logical one. Admin role only. */
@RestController
class AdminController {

    private final DatasourceVersions versions;

    AdminController(DatasourceVersions versions) {
        this.versions = versions;
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
        return Map.of("datasources", bySuffix ? versions.switchRollups(request.suffix())
                : versions.switchTo(request.datasources()));
    }
}

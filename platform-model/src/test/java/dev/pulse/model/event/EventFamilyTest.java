package dev.pulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.model.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventFamilyTest {

    @ParameterizedTest
    @CsvSource({
            "page_view,   PAGE_VIEW,   events.page_view",
            "click,       CLICK,       events.click",
            "transaction, TRANSACTION, events.transaction",
            "signup,      OTHER,       events.other",
            "other,       OTHER,       events.other",
            "Page_View,   OTHER,       events.other"})
    void mapsEventTypesToFamiliesAndTopics(String eventType, EventFamily family, String topic) {
        assertThat(EventFamily.of(eventType)).isEqualTo(family);
        assertThat(EventFamily.of(eventType).topic()).isEqualTo(topic);
    }

    @Test
    void listsOneRawTopicPerFamily() {
        assertThat(Topics.rawEventTopics())
                .containsExactly("events.page_view", "events.click", "events.transaction", "events.other");
    }
}

package dev.blogdesk.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DateParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2018-05-02 19:40:02.427409      | 2018-05-02T19:40:02.427409Z",
            "2018-05-02 19:40:02             | 2018-05-02T19:40:02Z",
            "2018-05-02T19:40:02             | 2018-05-02T19:40:02Z",
            "2018-05-02T19:40:02Z            | 2018-05-02T19:40:02Z",
            "2018-05-02T19:40:02.5Z          | 2018-05-02T19:40:02.500Z",
            "2018-05-02T19:40:02.123456789Z  | 2018-05-02T19:40:02.123456789Z",
            "2018-05-02 19:40                | 2018-05-02T19:40:00Z",
            "2018-05-02T21:40:02+02:00       | 2018-05-02T19:40:02Z",
            "2018-05-02T14:40:02-0500        | 2018-05-02T19:40:02Z",
            "2018-05-02T21:40:02+02          | 2018-05-02T19:40:02Z",
            "2018-05-02 19:40:02 UTC         | 2018-05-02T19:40:02Z",
            "2018-05-02                      | 2018-05-02T00:00:00Z",
            "1525290002                      | 2018-05-02T19:40:02Z",
            "1525290002427                   | 2018-05-02T19:40:02.427Z",
            "  2018-05-02 19:40:02  | 2018-05-02T19:40:02Z",
            "2022-08-11 10:15:00.000 +00:00  | 2022-08-11T10:15:00Z",
            "August 11, 2022                 | 2022-08-11T00:00:00Z",
            "Aug 11 2022 3:05 PM             | 2022-08-11T15:05:00Z",
            "11 August 2022                  | 2022-08-11T00:00:00Z",
            "Thursday, August 11, 2022       | 2022-08-11T00:00:00Z",
            "Sept. 3rd, 2021, 12:30 am       | 2021-09-03T00:30:00Z",
            "december 24 2019 at 18:00       | 2019-12-24T18:00:00Z",
    })
    void parsesEveryFormLegacyBlogsUse(String text, String expected) {
        DateParser.Result r = DateParser.parseText(text, ZoneOffset.UTC);
        assertThat(r.problem()).isNull();
        assertThat(r.instant()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "2018-13-01", "2018-02-30 10:00:00", "2018-05-02 25:00:00",
            "02/05/2018", "2018-05-02T19:40:02.1234567891Z", "2018-05-02 19:40:02 +25:00", "NaN",
            "Augst 11, 2022", "February 30, 2022", "August 11, 2022 13:00 PM", "0000-00-00 00:00:00", "May the 4th"})
    void reportsWhatIsNotADateInsteadOfGuessing(String text) {
        DateParser.Result r = DateParser.parseText(text, ZoneOffset.UTC);
        assertThat(r.instant()).isNull();
        assertThat(r.problem()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"2018-05-02 15:40:02, America/New_York, 2018-05-02T19:40:02Z", "2018-01-02 14:40:02, America/New_York, 2018-01-02T19:40:02Z",
            "2018-05-02 21:40:02, Europe/Berlin, 2018-05-02T19:40:02Z"})
    void naiveDatesAreInTheChosenZoneAndExplicitOffsetsWin(String text, String zone, String expected) {
        assertThat(DateParser.parseText(text, ZoneId.of(zone)).instant()).isEqualTo(Instant.parse(expected));
        assertThat(DateParser.parseText("2018-05-02T19:40:02Z", ZoneId.of(zone)).instant()).isEqualTo(Instant.parse("2018-05-02T19:40:02Z"));
    }

    @ParameterizedTest
    @CsvSource({"1525290002, 2018-05-02T19:40:02Z", "1525290002427, 2018-05-02T19:40:02.427Z", "0, 1970-01-01T00:00:00Z"})
    void epochIntegersAreSecondsOrMilliseconds(long value, String expected) {
        assertThat(DateParser.parseEpoch(value).instant()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"1525290002.25, 2018-05-02T19:40:02.250Z"})
    void epochRealsKeepTheirFraction(String value, String expected) {
        assertThat(DateParser.parseEpochDecimal(new BigDecimal(value)).instant()).isEqualTo(Instant.parse(expected));
    }
}

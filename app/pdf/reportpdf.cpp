// Layout: the document is laid out first into pages of drawing steps (Flow), so that the footer
// can say how many pages there are; then every page is painted. Units are PDF points (the writer's
// resolution is 72 dpi); A4 is 595 × 842 pt.
#include "reportpdf.h"

#include "reports/charts.h"
#include "reports/export.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace quartier::pdf {

namespace {

constexpr double kPageW = 595.0, kPageH = 842.0;
constexpr double kLeft = 56.0, kRight = kPageW - 56.0, kTop = 62.0, kBottom = kPageH - 62.0;
constexpr double kWidth = kRight - kLeft;

const QColor kText(0x21, 0x21, 0x21), kMuted(0x5f, 0x63, 0x68), kRule(0xc8, 0xcc, 0xd0), kShade(0xf1, 0xf3, 0xf4);
const QColor kSeries[] = {QColor(0x1f, 0x5f, 0x8b), QColor(0xd9, 0x76, 0x2b), QColor(0x3a, 0x8f, 0x5b),
                          QColor(0x8e, 0x5e, 0xa2), QColor(0xb8, 0x45, 0x45), QColor(0x4f, 0x8f, 0xa8),
                          QColor(0x8a, 0x7a, 0x3d), QColor(0x6b, 0x6b, 0x6b)};

QString q(const std::string& s) { return QString::fromStdString(s); }

QFont font(double points, bool bold = false) {
    QFont f(QStringLiteral("Roboto"));
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

// "2026-03" -> "März 2026"
QString month_name(const std::string& yyyy_mm) {
    static const char* kMonths[] = {"Januar", "Februar", "März",     "April",   "Mai",      "Juni",
                                    "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
    // Never throws: a Report from elsewhere is printed as it is where it is not a month.
    const bool digits = yyyy_mm.size() == 7 && yyyy_mm[4] == '-' &&
                        std::all_of(yyyy_mm.begin(), yyyy_mm.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    if (!digits) return q(yyyy_mm);
    const int m = (yyyy_mm[5] - '0') * 10 + (yyyy_mm[6] - '0');
    if (m < 1 || m > 12) return q(yyyy_mm);
    return QString::fromUtf8(kMonths[m - 1]) + QLatin1Char(' ') + q(yyyy_mm.substr(0, 4));
}

using Step = std::function<void(QPainter&)>;

// The pages being laid out, and the position on the current one.
class Flow {
public:
    explicit Flow(const QPaintDevice* device) : device(device) {}
    // Text is measured on the device it is drawn on (the writer's 72 dpi, not the screen's).
    const QPaintDevice* device;
    QFontMetricsF metrics(const QFont& f) const { return QFontMetricsF(f, device); }
    std::vector<std::vector<Step>> pages{1};
    double y = kTop;

    void add(Step s) { pages.back().push_back(std::move(s)); }
    void newPage() {
        pages.emplace_back();
        y = kTop;
    }
    // Starts a new page unless `height` still fits on this one (never on an empty page).
    void need(double height) {
        if (y + height > kBottom && y > kTop) newPage();
    }
    // A paragraph wrapped to `width`; returns its height.
    double paragraph(const QString& text, const QFont& f, const QColor& colour, double x = kLeft, double width = kWidth,
                     double after = 4.0) {
        const QFontMetricsF m = metrics(f);
        const QRectF box = m.boundingRect(QRectF(0, 0, width, 10000), Qt::TextWordWrap, text);
        need(box.height());
        const QRectF at(x, y, width, box.height() + 1);
        add([=](QPainter& p) {
            p.setFont(f);
            p.setPen(colour);
            p.drawText(at, Qt::TextWordWrap, text);
        });
        y += box.height() + after;
        return box.height();
    }
};

void title_page(Flow& flow, const reports::Report& r) {
    flow.y = kTop + 40;
    flow.paragraph(QStringLiteral("Quartier · Bericht für die Jugendhilfeplanung"), font(10), kMuted);
    flow.y += 8;
    flow.paragraph(q(r.title), font(24, true), kText, kLeft, kWidth, 14);
    QString period = QStringLiteral("Zeitraum: %1 bis %2").arg(month_name(r.from), month_name(r.to));
    flow.paragraph(period, font(12), kText);
    if (!r.stichtag.empty())
        flow.paragraph(QStringLiteral("Stichtag: Ende %1").arg(month_name(r.stichtag)), font(12), kText);
    flow.paragraph(QStringLiteral("Sozialraum: %1").arg(r.space.empty() ? QStringLiteral("alle Sozialräume") : q(r.space)),
                   font(12), kText);
    flow.paragraph(QStringLiteral("Gezählt: %1 %2")
                       .arg(r.population)
                       .arg(r.kind == reports::Kind::Demand ? QStringLiteral("Familien") : QStringLiteral("Fälle")),
                   font(12), kText);
    flow.y += 14;
    flow.paragraph(QStringLiteral("Anonymisiert nach § 64 Abs. 3 SGB VIII"), font(13, true), kText, kLeft, kWidth, 6);
    flow.paragraph(QStringLiteral("Schwelle: %1. „<%1“: weniger als %1 (auch 0). „x“: gesperrt, mindestens %1, "
                                  "damit kein kleiner Wert aus Summen zurückgerechnet werden kann.")
                       .arg(r.threshold),
                   font(10.5), kText, kLeft, kWidth, 10);
    const QFont noteFont = font(10);
    const QFontMetricsF nm = flow.metrics(noteFont);
    for (const std::string& note : r.notes) {
        // The bullet sits on the paragraph's first line, on whichever page the paragraph lands.
        flow.need(nm.boundingRect(QRectF(0, 0, kWidth - 14, 10000), Qt::TextWordWrap, q(note)).height());
        const double top = flow.y;
        flow.add([top, noteFont](QPainter& p) {
            p.setFont(noteFont);
            p.setPen(kMuted);
            p.drawText(QRectF(kLeft, top, 12, 14), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("–"));
        });
        flow.paragraph(q(note), noteFont, kText, kLeft + 14, kWidth - 14, 5);
    }
}

void chart(Flow& flow, const reports::Chart& c, std::int64_t threshold) {
    const QFont label = font(8.5), small = font(7.5), heading = font(13, true);
    const QFontMetricsF lm = flow.metrics(label);
    const double barH = 9.0, gap = 7.0, labelW = 150.0, valueW = 26.0;
    const double barX = kLeft + labelW + 6, barW = kWidth - labelW - 6 - valueW;
    const std::int64_t max = std::max<std::int64_t>(c.max_value(), 1);

    flow.need(80);
    flow.paragraph(q(c.title), heading, kText, kLeft, kWidth, 4);
    flow.paragraph(QStringLiteral("%1; %2").arg(q(c.value_label), q(c.note)), small, kMuted, kLeft, kWidth, 6);
    // The legend: one swatch per series.
    if (c.series.size() > 1) {
        double x = kLeft;
        const QFontMetricsF sm = flow.metrics(small);
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const QString name = q(c.series[s]);
            const double w = 14 + sm.horizontalAdvance(name) + 12;
            if (x + w > kRight) {
                x = kLeft;
                flow.y += 12;
            }
            const QColor colour = kSeries[s % std::size(kSeries)];
            const double y = flow.y;
            flow.add([=](QPainter& p) {
                p.fillRect(QRectF(x, y + 2, 9, 9), colour);
                p.setFont(small);
                p.setPen(kText);
                p.drawText(QRectF(x + 13, y, w, 13), Qt::AlignLeft | Qt::AlignVCenter, name);
            });
            x += w;
        }
        flow.y += 18;
    }
    if (c.empty()) {
        flow.paragraph(QStringLiteral("Kein veröffentlichter Wert über 0."), label, kMuted);
        flow.y += 12;
        return;
    }
    const double groupH = double(c.series.size()) * (barH + 1) + gap;
    for (std::size_t k = 0; k < c.categories.size(); ++k) {
        flow.need(std::max(groupH, lm.height() + gap));
        const double top = flow.y;
        const QString name = lm.elidedText(q(c.categories[k]), Qt::ElideRight, labelW);
        flow.add([=](QPainter& p) {
            p.setFont(label);
            p.setPen(kText);
            p.drawText(QRectF(kLeft, top, labelW, std::max(groupH - gap, lm.height())), Qt::AlignRight | Qt::AlignVCenter,
                       name);
        });
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const reports::Shown v = c.values[s][k];
            const double y = top + double(s) * (barH + 1);
            const QColor colour = kSeries[s % std::size(kSeries)];
            const double w = v.mark == reports::Mark::Published ? barW * double(v.value) / double(max) : 0.0;
            const QString text = q(reports::shown_text(v, threshold));
            flow.add([=](QPainter& p) {
                if (w > 0) p.fillRect(QRectF(barX, y, w, barH), colour);
                p.setFont(small);
                p.setPen(v.mark == reports::Mark::Published ? kText : kMuted);
                p.drawText(QRectF(barX + w + 3, y - 2, valueW + 20, barH + 4), Qt::AlignLeft | Qt::AlignVCenter, text);
            });
        }
        flow.y += groupH;
    }
    flow.y += 16;
}

void table(Flow& flow, const reports::Table& t, std::int64_t threshold) {
    const QFont cell = font(8.5), bold = font(8.5, true), heading = font(11, true);
    const QFontMetricsF m = flow.metrics(cell);
    const QFontMetricsF mb = flow.metrics(bold);
    const double rowH = m.height() + 5;
    const double labelW = 150.0;
    const double minColW = 38.0;
    // Column blocks: as many value columns as fit beside the row labels; "Summe" closes the last.
    const std::size_t n = t.cols() + 1;  // with the row totals
    const std::size_t perBlock = std::max<std::size_t>(1, std::size_t((kWidth - labelW) / minColW));
    for (std::size_t first = 0; first < n; first += perBlock) {
        const std::size_t last = std::min(n, first + perBlock);
        const double colW = std::min(70.0, (kWidth - labelW) / double(last - first));
        auto header = [&](bool continued) {
            flow.need(rowH * 3 + 22);
            QString title = q(t.title);
            if (n > perBlock)
                title += QStringLiteral(" (Spalten %1–%2 von %3)").arg(first + 1).arg(last).arg(n);
            if (continued) title += QStringLiteral(" (Fortsetzung)");
            flow.paragraph(title, heading, kText, kLeft, kWidth, 4);
            const double y = flow.y;
            std::vector<QString> labels;
            for (std::size_t c = first; c < last; ++c) labels.push_back(c < t.cols() ? q(t.column_labels[c]) : QStringLiteral("Summe"));
            // Long column labels (social spaces) wrap onto two lines.
            const double headH = rowH * 2;
            const QString rowHeading = q(t.row_heading) + QStringLiteral(" / ") + q(t.column_heading);
            flow.add([=](QPainter& p) {
                p.setFont(bold);
                p.setPen(kText);
                p.drawText(QRectF(kLeft, y, labelW - 4, headH), Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, rowHeading);
                for (std::size_t i = 0; i < labels.size(); ++i)
                    p.drawText(QRectF(kLeft + labelW + double(i) * colW, y, colW - 3, headH),
                               Qt::AlignRight | Qt::AlignBottom | Qt::TextWordWrap, labels[i]);
                p.setPen(QPen(kText, 0.8));
                p.drawLine(QPointF(kLeft, y + headH + 1), QPointF(kLeft + labelW + colW * double(labels.size()), y + headH + 1));
            });
            flow.y += headH + 3;
        };
        header(false);
        for (std::size_t r = 0; r <= t.rows(); ++r) {
            if (flow.y + rowH > kBottom) {
                flow.newPage();
                header(true);
            }
            const bool totals = r == t.rows();
            const QString label = totals ? QStringLiteral("Summe") : q(t.row_labels[r]);
            std::vector<QString> values;
            for (std::size_t c = first; c < last; ++c) values.push_back(q(reports::shown_text(t.at(r, c), threshold)));
            const double y = flow.y;
            const bool shade = !totals && r % 2 == 1;
            flow.add([=](QPainter& p) {
                const double w = labelW + colW * double(values.size());
                if (shade) p.fillRect(QRectF(kLeft, y, w, rowH), kShade);
                if (totals) {
                    p.setPen(QPen(kText, 0.6));
                    p.drawLine(QPointF(kLeft, y), QPointF(kLeft + w, y));
                }
                p.setFont(totals ? bold : cell);
                p.setPen(kText);
                p.drawText(QRectF(kLeft + 2, y, labelW - 6, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                           (totals ? mb : m).elidedText(label, Qt::ElideRight, labelW - 6));
                for (std::size_t i = 0; i < values.size(); ++i)
                    p.drawText(QRectF(kLeft + labelW + double(i) * colW, y, colW - 3, rowH), Qt::AlignRight | Qt::AlignVCenter,
                               values[i]);
            });
            flow.y += rowH;
        }
        flow.y += 16;
    }
}

}  // namespace

void ensure_gui() {
    if (QGuiApplication::instance()) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "quartier-cli";
    static char* argv[] = {name, nullptr};
    static QGuiApplication app(argc, argv);
}

std::string render_report(const reports::Report& report) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        writer.setTitle(q(report.title));
        writer.setCreator(QStringLiteral("Quartier"));

        Flow flow(&writer);
        title_page(flow, report);
        const std::vector<reports::Chart> charts = reports::charts_of(report);
        if (!charts.empty()) {
            flow.newPage();
            for (const reports::Chart& c : charts) chart(flow, c, report.threshold);
        }
        for (const reports::Section& section : report.sections) {
            flow.newPage();
            flow.paragraph(q(section.title), font(16, true), kText, kLeft, kWidth, 10);
            for (const reports::Table& t : section.tables) table(flow, t, report.threshold);
        }

        QPainter painter(&writer);
        painter.setRenderHint(QPainter::Antialiasing);
        const int total = int(flow.pages.size());
        const QString footerTitle = q(report.title) + QStringLiteral(", ") + month_name(report.from) +
                                    QStringLiteral(" bis ") + month_name(report.to);
        for (int i = 0; i < total; ++i) {
            if (i > 0) writer.newPage();
            for (const Step& step : flow.pages[std::size_t(i)]) step(painter);
            painter.setPen(QPen(kRule, 0.6));
            painter.drawLine(QPointF(kLeft, kPageH - 46), QPointF(kRight, kPageH - 46));
            painter.setFont(font(8));
            painter.setPen(kMuted);
            painter.drawText(QRectF(kLeft, kPageH - 42, kWidth - 90, 14), Qt::AlignLeft | Qt::AlignVCenter, footerTitle);
            painter.drawText(QRectF(kRight - 90, kPageH - 42, 90, 14), Qt::AlignRight | Qt::AlignVCenter,
                             QStringLiteral("Seite %1 von %2").arg(i + 1).arg(total));
        }
    }
    return buffer.data().toStdString();
}

}  // namespace quartier::pdf

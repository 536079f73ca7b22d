// axe-core (installed in the page before this runs) on the whole page, for
// WCAG 2.1 A and AA (or only the rules named in `rules`): every serious or
// critical violation, one per element, and whether the element is the book's
// content (inside <main>) or mdBook's chrome around it.
async (rules) => {
    const result = await axe.run(document, {
        runOnly: rules ? { type: 'rule', values: rules }
            : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
        elementRef: true,
    });
    return result.violations.flatMap(v => v.nodes
        .filter(n => ['serious', 'critical'].includes(n.impact || v.impact))
        .map(n => ({
            rule: v.id,
            impact: n.impact || v.impact,
            help: v.help,
            target: n.target.join(' '),
            html: n.html.replace(/\s+/g, ' ').slice(0, 160),
            summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300),
            content: !!(n.element && n.element.closest('main')),
        })));
}
